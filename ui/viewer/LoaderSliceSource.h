// LoaderSliceSource: the slices of one stack of a series, decoded in the background by a
// dicom::SeriesLoader (middle slice first). The viewer reads the loader's shared slots
// directly, so each decoded slice is held once.
#pragma once

#include "dicom/SeriesLoader.h"
#include "viewer/SliceSource.h"

#include <QList>

namespace haip::ui {

class LoaderSliceSource : public SliceSource
{
    Q_OBJECT
public:
    LoaderSliceSource(const dicom::Series &series, int stack, QObject *parent = nullptr);
    ~LoaderSliceSource() override; // cancels the load and waits for its workers

    // Starts decoding; connect to the signals first. `threads` = 0: one per core.
    void start(int threads = 0);
    void cancel() override;

    int sliceCount() const override;
    std::shared_ptr<const dicom::DecodedSlice> slice(int index) const override;
    dicom::InstanceInfo info(int index) const override;
    int frameOf(int index) const override;
    bool isLoading() const override;

private:
    dicom::Series m_series;
    int m_stack = 0;
    QList<int> m_instanceOfSlice; // index into m_series.instances, per slice
    QList<int> m_frameOfSlice; // 0-based frame within that instance, per slice
    dicom::SeriesLoader m_loader;
    bool m_loading = false;
};

} // namespace haip::ui
