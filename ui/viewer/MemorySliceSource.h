// MemorySliceSource: slices held in memory, filled in by whoever has them — tests with
// synthetic DecodedSlices, or a caller that decoded frames itself. setSlice() and
// setFailed() emit the same signals a background loader does, so the view cannot tell.
#pragma once

#include "viewer/SliceSource.h"

#include <QList>

namespace haip::ui {

class MemorySliceSource : public SliceSource
{
    Q_OBJECT
public:
    // `count` empty slots; `info` is used for every slot unless setInfo() says otherwise.
    explicit MemorySliceSource(int count, const dicom::InstanceInfo &info = {}, QObject *parent = nullptr);

    void setSlice(int index, dicom::DecodedSlice slice);
    void setFailed(int index, const Error &error);
    void setInfo(int index, const dicom::InstanceInfo &info);
    // Marks loading as over (finished() with the counts so far).
    void finish();

    int sliceCount() const override;
    std::shared_ptr<const dicom::DecodedSlice> slice(int index) const override;
    dicom::InstanceInfo info(int index) const override;
    bool isLoading() const override;

private:
    QList<std::shared_ptr<const dicom::DecodedSlice>> m_slices;
    QList<dicom::InstanceInfo> m_infos;
    int m_loaded = 0;
    int m_failed = 0;
    bool m_finished = false;
};

} // namespace haip::ui
