#include "viewer/MeasurementSet.h"

namespace haip::ui {

int MeasurementSet::add(int slice, Measurement m)
{
    m.id = m_nextId++;
    m_bySlice[slice].append(m);
    return m.id;
}

bool MeasurementSet::update(int slice, const Measurement &m)
{
    auto it = m_bySlice.find(slice);
    if (it == m_bySlice.end())
        return false;
    for (Measurement &existing : *it) {
        if (existing.id == m.id) {
            existing = m;
            return true;
        }
    }
    return false;
}

bool MeasurementSet::remove(int slice, int id)
{
    auto it = m_bySlice.find(slice);
    if (it == m_bySlice.end())
        return false;
    const qsizetype removed = it->removeIf([id](const Measurement &m) { return m.id == id; });
    if (it->isEmpty())
        m_bySlice.erase(it);
    if (slice == m_selectedSlice && id == m_selectedId)
        clearSelection();
    return removed > 0;
}

void MeasurementSet::clear()
{
    m_bySlice.clear();
    clearSelection();
}

QList<Measurement> MeasurementSet::onSlice(int slice) const
{
    return m_bySlice.value(slice);
}

std::optional<Measurement> MeasurementSet::find(int slice, int id) const
{
    for (const Measurement &m : m_bySlice.value(slice))
        if (m.id == id)
            return m;
    return std::nullopt;
}

int MeasurementSet::count() const
{
    int n = 0;
    for (const QList<Measurement> &list : m_bySlice)
        n += int(list.size());
    return n;
}

void MeasurementSet::select(int slice, int id)
{
    m_selectedSlice = slice;
    m_selectedId = id;
}

void MeasurementSet::clearSelection()
{
    m_selectedSlice = -1;
    m_selectedId = 0;
}

int MeasurementSet::selectedId(int slice) const
{
    return slice == m_selectedSlice ? m_selectedId : 0;
}

bool MeasurementSet::removeSelected()
{
    return m_selectedId != 0 && remove(m_selectedSlice, m_selectedId);
}

} // namespace haip::ui
