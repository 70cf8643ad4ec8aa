#include "audit/AuditVerifier.h"

#include "audit/AuditRecord.h"

#include <QBuffer>
#include <QFile>
#include <QHash>

#include <vector>

namespace haip::audit {

using namespace Qt::StringLiterals;

namespace {

// What the chain check needs of each line; the lines themselves are not kept.
struct LineSummary
{
    bool parsed = false;
    qint64 seq = 0;
    QByteArray prev; // hex
    QByteArray hash; // hex of the line's bytes
    int logId = -1; // index into Chain::logIds
    QString parseError;
};

class Chain
{
public:
    std::vector<LineSummary> lines;
    QStringList logIds;
    int mainLogId = -1;

    void add(const QByteArray &bytes)
    {
        LineSummary s;
        s.hash = AuditRecord::lineSha256(bytes);
        Result<AuditRecord> r = AuditRecord::parse(bytes);
        if (r) {
            s.parsed = true;
            s.seq = r->seq;
            s.prev = r->prev;
            s.logId = int(logIds.indexOf(r->logId));
            if (s.logId < 0) {
                s.logId = int(logIds.size());
                logIds.append(r->logId);
            }
        } else {
            s.parseError = r.error().detail();
        }
        lines.push_back(std::move(s));
    }

    // The log's own id: the one most records carry.
    void chooseMainLogId()
    {
        QHash<int, qint64> counts;
        for (const LineSummary &s : lines) {
            if (s.parsed)
                ++counts[s.logId];
        }
        qint64 best = 0;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (it.value() > best || (it.value() == best && it.key() < mainLogId)) {
                best = it.value();
                mainLogId = it.key();
            }
        }
    }

    qint64 size() const { return qint64(lines.size()); }
    const LineSummary &at(qint64 i) const { return lines[size_t(i)]; }

    // Line j is the record written right after line i.
    bool chains(qint64 j, qint64 i) const
    {
        if (i < 0 || j < 0 || i >= size() || j >= size())
            return false;
        const LineSummary &a = at(i);
        const LineSummary &b = at(j);
        return a.parsed && b.parsed && a.logId == b.logId && b.seq == a.seq + 1 && b.prev == a.hash;
    }
    bool isHead(qint64 j) const { return at(j).parsed && at(j).seq == 1 && at(j).prev == AuditRecord::zeroHash(); }
    bool isChainedOnto(qint64 i) const
    {
        for (qint64 j = 0; j < size(); ++j) {
            if (j != i && chains(j, i))
                return true;
        }
        return false;
    }
    bool successorElsewhere(qint64 p, qint64 i) const
    {
        for (qint64 j = 0; j < size(); ++j) {
            if (j != i && j != p && chains(j, p))
                return true;
        }
        return false;
    }
};

struct Finding
{
    AuditProblem problem;
    qint64 index; // 0-based line
    QString detail;
};

// The first line i whose link to line i-1 is broken: what most plausibly happened.
Finding classify(const Chain &c, qint64 i)
{
    const LineSummary &l = c.at(i);
    if (i == 0) {
        if (l.seq == 1)
            return {AuditProblem::Edited, 0, u"the first record's prev is not 64 zeros"_s};
        for (qint64 j = 1; j < c.size(); ++j) {
            if (c.isHead(j))
                return {AuditProblem::Reordered, 0, u"seq 1 is on line %1"_s.arg(j + 1)};
        }
        return {AuditProblem::DeletedHead, 0, u"the log starts at seq %1"_s.arg(l.seq)};
    }
    const qint64 p = i - 1;
    const qint64 expected = c.at(p).seq + 1;
    // The record that belongs after line p comes next: line i is an extra — inserted, or moved
    // here from further down (then something else still chains onto it).
    if (c.chains(i + 1, p)) {
        if (c.isChainedOnto(i))
            return {AuditProblem::Reordered, i, u"seq %1 belongs elsewhere"_s.arg(l.seq)};
        return {AuditProblem::Inserted, i, u"no record chains onto this one"_s};
    }
    // Line i chains onto the line before p: line p was slipped in (with a plausible prev).
    if ((i >= 2 && c.chains(i, i - 2)) || (i == 1 && c.isHead(1)))
        return {AuditProblem::Inserted, p, u"the next record chains onto the line before this one"_s};
    if (c.successorElsewhere(p, i))
        return {AuditProblem::Reordered, i, u"seq %1 belongs elsewhere"_s.arg(l.seq)};
    if (l.seq == expected) {
        // Line i's own prev was changed (the next record does not chain onto it either) …
        if (i + 1 < c.size() && c.at(i + 1).parsed && c.at(i + 1).seq == l.seq + 1 && !c.chains(i + 1, i))
            return {AuditProblem::Edited, i, u"neither its prev nor its hash links to its neighbours"_s};
        // … or line p's bytes were.
        return {AuditProblem::Edited, p, u"the record's hash no longer matches the next record's prev"_s};
    }
    if (l.prev == c.at(p).hash)
        return {AuditProblem::Edited, i, u"seq %1 where %2 was expected"_s.arg(l.seq).arg(expected)};
    if (l.seq > expected) {
        const qint64 missing = l.seq - expected;
        return {AuditProblem::Deleted,
                i,
                missing == 1 ? u"seq %1 is missing"_s.arg(expected)
                             : u"seq %1 to %2 are missing"_s.arg(expected).arg(l.seq - 1)};
    }
    return {AuditProblem::Inserted, i, u"seq %1 where %2 was expected"_s.arg(l.seq).arg(expected)};
}

AuditVerification verifyDevice(QIODevice &device)
{
    AuditVerification v;
    Chain c;
    while (!device.atEnd()) {
        QByteArray line = device.readLine();
        if (!line.endsWith('\n')) {
            v.incompleteTail = true;
            v.tailBytes = line.size();
            break;
        }
        line.chop(1);
        c.add(line);
    }
    v.records = c.size();
    if (c.size() == 0)
        return v;
    c.chooseMainLogId();
    if (c.mainLogId >= 0)
        v.logId = c.logIds.at(c.mainLogId);
    for (qint64 i = 0; i < c.size(); ++i) {
        const LineSummary &l = c.at(i);
        std::optional<Finding> finding;
        if (!l.parsed)
            finding = Finding {AuditProblem::Edited, i, u"the record does not parse: %1"_s.arg(l.parseError)};
        else if (l.logId != c.mainLogId)
            finding = Finding {AuditProblem::Foreign, i, u"the record belongs to log %1"_s.arg(c.logIds.at(l.logId))};
        else if (i == 0 ? !c.isHead(0) : !c.chains(i, i - 1))
            finding = classify(c, i);
        if (finding) {
            v.problem = finding->problem;
            v.line = finding->index + 1;
            v.detail = finding->detail;
            return v;
        }
    }
    v.lastSeq = c.at(c.size() - 1).seq;
    v.lastSha256 = c.at(c.size() - 1).hash;
    return v;
}

} // namespace

QString auditProblemName(AuditProblem problem)
{
    switch (problem) {
    case AuditProblem::None:
        return u"none"_s;
    case AuditProblem::Edited:
        return u"edited"_s;
    case AuditProblem::Deleted:
        return u"deleted"_s;
    case AuditProblem::Inserted:
        return u"inserted"_s;
    case AuditProblem::Reordered:
        return u"reordered"_s;
    case AuditProblem::Foreign:
        return u"foreign"_s;
    case AuditProblem::DeletedHead:
        return u"deleted-head"_s;
    case AuditProblem::Unreadable:
        return u"unreadable"_s;
    }
    return u"unreadable"_s;
}

QJsonObject AuditVerification::toJson() const
{
    QJsonObject o {{u"ok"_s, ok()}, {u"records"_s, records}, {u"incompleteTail"_s, incompleteTail}};
    if (!logId.isEmpty())
        o.insert(u"logId"_s, logId);
    if (incompleteTail)
        o.insert(u"tailBytes"_s, tailBytes);
    if (ok()) {
        o.insert(u"lastSeq"_s, lastSeq);
        if (!lastSha256.isEmpty())
            o.insert(u"lastSha256"_s, QString::fromLatin1(lastSha256));
    } else {
        o.insert(u"line"_s, line);
        o.insert(u"problem"_s, auditProblemName(problem));
        o.insert(u"detail"_s, detail);
    }
    return o;
}

AuditVerification AuditVerifier::verifyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        AuditVerification v;
        v.problem = AuditProblem::Unreadable;
        v.detail = u"%1: %2"_s.arg(path, file.errorString());
        return v;
    }
    return verifyDevice(file);
}

AuditVerification AuditVerifier::verifyBytes(const QByteArray &content)
{
    QBuffer buffer;
    buffer.setData(content);
    if (!buffer.open(QIODevice::ReadOnly))
        return {};
    return verifyDevice(buffer);
}

} // namespace haip::audit
