#include "viewer/ViewerActions.h"

#include "dicom/WindowPresets.h"
#include "theme/SvgIconEngine.h"
#include "viewer/ImageView.h"

#include <QAction>
#include <QActionGroup>
#include <QFile>
#include <QIcon>
#include <QMenu>

#include <algorithm>

namespace haip::ui {

namespace {

// Our line icons use currentColor and are tinted with the theme's palette (dark and light).
QIcon viewerIcon(const QString &name)
{
    if (name.isEmpty())
        return {};
    QFile file(QStringLiteral(":/icons/viewer/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QIcon(new SvgIconEngine(file.readAll()));
}

} // namespace

ViewerActions::ViewerActions(ImageView *view, QWidget *shortcutScope)
    : QObject(shortcutScope), m_view(view), m_scope(shortcutScope)
{
    // Tools for the left button (right is always W/L, middle always pan).
    m_tools = new QActionGroup(this);
    m_tools->setExclusive(true);
    const struct
    {
        const char *name;
        QString text;
        const char *icon;
        Qt::Key key;
        ImageView::Tool tool;
    } tools[] = {
        {"viewer.tool.windowLevel", tr("Window/Level"), "tool-window-level", Qt::Key_W, ImageView::Tool::WindowLevel},
        {"viewer.tool.pan", tr("Pan"), "tool-pan", Qt::Key_P, ImageView::Tool::Pan},
        {"viewer.tool.zoom", tr("Zoom"), "tool-zoom", Qt::Key_Z, ImageView::Tool::Zoom},
        {"viewer.tool.length", tr("Length"), "tool-length", Qt::Key_L, ImageView::Tool::Length},
        {"viewer.tool.ellipse", tr("Ellipse ROI"), "tool-ellipse", Qt::Key_E, ImageView::Tool::Ellipse},
    };
    for (const auto &t : tools) {
        QAction *a = make(QString::fromLatin1(t.name), t.text, QString::fromLatin1(t.icon), {QKeySequence(t.key)});
        a->setCheckable(true);
        a->setChecked(view->tool() == t.tool);
        m_tools->addAction(a);
        const ImageView::Tool tool = t.tool;
        connect(a, &QAction::triggered, view, [view, tool] { view->setTool(tool); });
    }
    m_ordered << separator();

    buildPresetMenu();
    m_ordered << separator();

    connect(make(QStringLiteral("viewer.fit"), tr("Fit to Window"), QStringLiteral("zoom-fit"), {Qt::Key_F}),
            &QAction::triggered,
            view,
            &ImageView::fitToWindow);
    connect(make(QStringLiteral("viewer.actualSize"),
                 tr("Actual Pixels (1:1)"),
                 QStringLiteral("zoom-actual"),
                 {QKeySequence(Qt::CTRL | Qt::Key_1)}),
            &QAction::triggered,
            view,
            &ImageView::showActualSize);
    connect(make(QStringLiteral("viewer.zoomIn"),
                 tr("Zoom In"),
                 QStringLiteral("zoom-in"),
                 {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn}),
            &QAction::triggered,
            view,
            [view] { view->zoomBy(1.25); });
    connect(make(QStringLiteral("viewer.zoomOut"),
                 tr("Zoom Out"),
                 QStringLiteral("zoom-out"),
                 {QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut}),
            &QAction::triggered,
            view,
            [view] { view->zoomBy(0.8); });
    QAction *annotations =
        make(QStringLiteral("viewer.annotations"), tr("Show Annotations"), QStringLiteral("annotations"), {Qt::Key_A});
    annotations->setCheckable(true);
    annotations->setChecked(view->annotationsVisible());
    connect(annotations, &QAction::toggled, view, &ImageView::setAnnotationsVisible);
    connect(view, &ImageView::annotationsVisibleChanged, annotations, &QAction::setChecked);
    QAction *invert = make(QStringLiteral("viewer.invert"), tr("Invert"), QStringLiteral("invert"), {Qt::Key_I});
    invert->setCheckable(true);
    connect(invert, &QAction::toggled, view, &ImageView::setInverted);
    connect(view, &ImageView::invertedChanged, invert, &QAction::setChecked);
    m_ordered << separator();

    connect(make(QStringLiteral("viewer.rotateLeft"),
                 tr("Rotate Left"),
                 QStringLiteral("rotate-left"),
                 {QKeySequence(Qt::CTRL | Qt::Key_L)}),
            &QAction::triggered,
            view,
            [view] { view->rotate(-1); });
    connect(make(QStringLiteral("viewer.rotateRight"),
                 tr("Rotate Right"),
                 QStringLiteral("rotate-right"),
                 {QKeySequence(Qt::CTRL | Qt::Key_R)}),
            &QAction::triggered,
            view,
            [view] { view->rotate(1); });
    connect(make(QStringLiteral("viewer.flipHorizontal"),
                 tr("Flip Horizontal"),
                 QStringLiteral("flip-horizontal"),
                 {Qt::Key_H}),
            &QAction::triggered,
            view,
            &ImageView::flipHorizontal);
    connect(
        make(QStringLiteral("viewer.flipVertical"), tr("Flip Vertical"), QStringLiteral("flip-vertical"), {Qt::Key_V}),
        &QAction::triggered,
        view,
        &ImageView::flipVertical);
    connect(make(QStringLiteral("viewer.reset"), tr("Reset View"), QStringLiteral("reset"), {Qt::Key_R}),
            &QAction::triggered,
            view,
            &ImageView::resetView);
    m_ordered << separator();

    QAction *cine = make(QStringLiteral("viewer.cine"), tr("Play Cine"), QStringLiteral("cine-play"), {Qt::Key_Space});
    cine->setCheckable(true);
    connect(cine, &QAction::toggled, view, &ImageView::setCinePlaying);
    connect(make(QStringLiteral("viewer.cineSlower"),
                 tr("Cine Slower"),
                 QStringLiteral("cine-slower"),
                 {Qt::Key_BracketLeft}),
            &QAction::triggered,
            view,
            [view] { view->setCineFps(std::max(1, view->cineFps() - 5)); });
    connect(make(QStringLiteral("viewer.cineFaster"),
                 tr("Cine Faster"),
                 QStringLiteral("cine-faster"),
                 {Qt::Key_BracketRight}),
            &QAction::triggered,
            view,
            [view] { view->setCineFps(std::min(60, view->cineFps() + 5)); });
    m_ordered << separator();

    connect(make(QStringLiteral("viewer.deleteMeasurement"),
                 tr("Delete Measurement"),
                 QStringLiteral("delete-measurement"),
                 {QKeySequence::Delete}),
            &QAction::triggered,
            view,
            &ImageView::deleteSelectedMeasurement);

    connect(view, &ImageView::toolChanged, this, &ViewerActions::syncState);
    connect(view, &ImageView::cineChanged, this, &ViewerActions::syncState);
    connect(view, &ImageView::measurementsChanged, this, &ViewerActions::syncState);
    connect(view, &ImageView::currentSliceChanged, this, &ViewerActions::syncState);
    syncState();
}

ViewerActions::~ViewerActions() = default;

QAction *
ViewerActions::make(const QString &name, const QString &text, const QString &icon, const QList<QKeySequence> &keys)
{
    auto *a = new QAction(viewerIcon(icon), text, this);
    a->setObjectName(name);
    a->setShortcuts(keys);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    if (!keys.isEmpty())
        a->setToolTip(QStringLiteral("%1 (%2)").arg(text, keys.front().toString(QKeySequence::NativeText)));
    m_scope->addAction(a);
    m_ordered << a;
    m_all << a;
    return a;
}

QAction *ViewerActions::separator()
{
    auto *a = new QAction(this);
    a->setSeparator(true);
    return a;
}

void ViewerActions::buildPresetMenu()
{
    m_presetMenu = new QMenu(tr("Window Presets"), m_scope);
    QAction *menuAction = make(QStringLiteral("viewer.presets"), tr("Window Presets"), QStringLiteral("presets"), {});
    menuAction->setMenu(m_presetMenu);
    connect(menuAction, &QAction::triggered, m_presetMenu, [this] {
        // A click on the toolbar button itself opens the menu under it.
        m_presetMenu->popup(QCursor::pos());
    });

    // Standard CT windows on 1–5; the file's own window on 0.
    for (const dicom::WindowPreset &preset : dicom::WindowPresets::standard()) {
        auto *a = new QAction(preset.name, this);
        a->setObjectName(QStringLiteral("viewer.preset.") + preset.id);
        a->setShortcut(QKeySequence(Qt::Key(Qt::Key_0 + preset.key)));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        const QString id = preset.id;
        connect(a, &QAction::triggered, m_view, [this, id] { m_view->applyPreset(id); });
        m_scope->addAction(a);
        m_presetMenu->addAction(a);
        m_all << a;
    }
    m_presetMenu->addSeparator();
    auto *fileDefault = new QAction(tr("File Default"), this);
    fileDefault->setObjectName(QStringLiteral("viewer.preset.default"));
    fileDefault->setShortcut(QKeySequence(Qt::Key_0));
    fileDefault->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(fileDefault, &QAction::triggered, m_view, &ImageView::resetWindow);
    m_scope->addAction(fileDefault);
    m_presetMenu->addAction(fileDefault);
    m_all << fileDefault;
    connect(m_presetMenu, &QMenu::aboutToShow, this, &ViewerActions::rebuildFilePresets);
}

void ViewerActions::rebuildFilePresets()
{
    qDeleteAll(m_filePresetActions);
    m_filePresetActions.clear();
    for (const dicom::WindowPreset &preset : m_view->filePresets()) {
        auto *a = new QAction(preset.name, m_presetMenu);
        const QString id = preset.id;
        connect(a, &QAction::triggered, m_view, [this, id] { m_view->applyPreset(id); });
        m_presetMenu->addAction(a);
        m_filePresetActions << a;
    }
}

void ViewerActions::syncState()
{
    const QString tool = [this] {
        switch (m_view->tool()) {
        case ImageView::Tool::WindowLevel:
            return QStringLiteral("viewer.tool.windowLevel");
        case ImageView::Tool::Pan:
            return QStringLiteral("viewer.tool.pan");
        case ImageView::Tool::Zoom:
            return QStringLiteral("viewer.tool.zoom");
        case ImageView::Tool::Length:
            return QStringLiteral("viewer.tool.length");
        case ImageView::Tool::Ellipse:
            return QStringLiteral("viewer.tool.ellipse");
        }
        return QString();
    }();
    if (QAction *a = action(tool))
        a->setChecked(true);
    if (QAction *cine = action(QStringLiteral("viewer.cine"))) {
        const QSignalBlocker block(cine);
        cine->setChecked(m_view->isCinePlaying());
        cine->setText(m_view->isCinePlaying() ? tr("Pause Cine") : tr("Play Cine"));
        cine->setIcon(viewerIcon(m_view->isCinePlaying() ? QStringLiteral("cine-pause") : QStringLiteral("cine-play")));
    }
    if (QAction *del = action(QStringLiteral("viewer.deleteMeasurement")))
        del->setEnabled(m_view->measurements().selectedId(m_view->currentSlice()) != 0);
}

QList<QAction *> ViewerActions::actions() const
{
    return m_ordered;
}

QList<QAction *> ViewerActions::allActions() const
{
    return m_all;
}

QAction *ViewerActions::action(const QString &name) const
{
    for (QAction *a : m_all)
        if (a->objectName() == name)
            return a;
    return nullptr;
}

} // namespace haip::ui
