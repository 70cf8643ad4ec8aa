// The measurements of a stack, kept per slice (a length drawn on slice 40 stays on slice 40),
// with the one selected measurement the Delete key removes.
#pragma once

#include "viewer/Measurement.h"

#include <QHash>
#include <QList>

#include <optional>

namespace haip::ui {

class MeasurementSet
{
public:
    // Adds `m` to `slice` with a new id, which it returns.
    int add(int slice, Measurement m);
    bool update(int slice, const Measurement &m); // by id
    bool remove(int slice, int id);
    void clear();

    QList<Measurement> onSlice(int slice) const;
    std::optional<Measurement> find(int slice, int id) const;
    int count() const;

    // Selection: at most one measurement, on one slice.
    void select(int slice, int id);
    void clearSelection();
    int selectedId(int slice) const; // 0 when nothing on `slice` is selected
    bool removeSelected();

private:
    QHash<int, QList<Measurement>> m_bySlice;
    int m_nextId = 1;
    int m_selectedSlice = -1;
    int m_selectedId = 0;
};

} // namespace haip::ui
