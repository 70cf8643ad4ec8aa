// ViewerWidget: the image viewer the main window embeds. It loads one stack of a series in the
// background (middle slice first, through dicom::SeriesLoader), shows it in an ImageView, and
// offers the viewer's actions (tools, W/L presets, zoom, invert, rotate/flip, cine,
// measurements) with their shortcuts for the main window's toolbar and View menu.
#pragma once

#include "common/Error.h"

#include <QList>
#include <QWidget>

#include <memory>

class QAction;

namespace haip::dicom {
struct Series;
}

namespace haip::ui {

class ImageView;
class ViewerActions;
class SliceSource;

class ViewerWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ViewerWidget(QWidget *parent = nullptr);
    ~ViewerWidget() override;

    // Shows stack `stack` of `series`, loading it in the background (middle slice first).
    void showSeries(const haip::dicom::Series &series, int stack = 0);
    // Shows slices that are already in memory (or filled in later) through any SliceSource;
    // takes ownership. Used by showSeries() and by tests with synthetic slices.
    void showSource(std::unique_ptr<SliceSource> source);
    void clear();
    // Stops the background loading (loadFinished then says cancelled); what is loaded stays.
    void cancelLoading();
    bool isLoading() const;

    // Viewer actions (tools, W/L presets, zoom/fit/1:1, invert, rotate/flip, reset, cine,
    // measurements), with shortcuts, for the main window's toolbar and View menu. Separators
    // are QActions with isSeparator(). The shortcuts are active while the viewer has focus.
    QList<QAction *> viewerActions() const;
    bool applyPreset(const QString &presetId); // e.g. "ct-lung"; false if unknown
    int currentSlice() const;
    int sliceCount() const;

    ImageView *imageView() const;

signals:
    void loadProgress(int done, int total);
    void loadFinished(int loaded, int failed, bool cancelled);
    void sliceFailed(const haip::Error &error);
    void firstImageShown();

private:
    ImageView *m_view = nullptr;
    ViewerActions *m_actions = nullptr;
    std::unique_ptr<SliceSource> m_source;
};

} // namespace haip::ui
