#include "dicom/internal/DeidText.h"

#include <QDate>
#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <string_view>

namespace haip::dicom::internal {

namespace {

// Words that describe an examination without identifying anyone: anatomy (after PS3.16 CID 4031
// Body Part Examined), modalities, sequences, phases, planes, reconstruction and positioning
// terms, and a few joining words. Sorted, upper case, for binary search.
constexpr std::array<std::string_view, 187> kVocabulary = {
    "2D",        "3D",          "4D",          "ABD",       "ABDOMEN",     "ACQ",      "ADC",       "AND",
    "ANGIO",     "ANKLE",       "AORTA",       "AP",        "ARM",         "ARTERIAL", "AX",        "AXIAL",
    "BILATERAL", "BLADDER",     "BODY",        "BOLD",      "BONE",        "BRAIN",    "BREAST",    "C",
    "CALCIUM",   "CARDIAC",     "CERVICAL",    "CHEST",     "COLON",       "CONTRAST", "COR",       "CORONAL",
    "CORONARY",  "CR",          "CSPINE",      "CT",        "CTA",         "DELAYED",  "DIFFUSION", "DOSE",
    "DTI",       "DWI",         "DX",          "ELBOW",     "ENHANCED",    "EPI",      "EXAM",      "EXPIRATION",
    "EXTREMITY", "FACE",        "FAT",         "FEMUR",     "FLAIR",       "FOLLOW",   "FOOT",      "FOR",
    "FOREARM",   "GALLBLADDER", "GRE",         "HAND",      "HEAD",        "HEART",    "HELICAL",   "HIGH",
    "HIP",       "HR",          "HRCT",        "HUMERUS",   "IMAGE",       "IMAGES",   "IN",        "INSPIRATION",
    "IV",        "JAW",         "KERNEL",      "KIDNEY",    "KNEE",        "L",        "LAT",       "LATERAL",
    "LEFT",      "LEG",         "LIVER",       "LOCALIZER", "LOW",         "LOWDOSE",  "LSPINE",    "LUMBAR",
    "LUNG",      "LUNGS",       "MEDIASTINUM", "MG",        "MIP",         "MPR",      "MR",        "MRA",
    "MRI",       "NECK",        "NM",          "NON",       "NONCONTRAST", "O",        "OBLIQUE",   "OF",
    "ON",        "ORAL",        "ORBIT",       "PA",        "PANCREAS",    "PD",       "PELVIS",    "PERFUSION",
    "PET",       "PHANTOM",     "PHASE",       "PITUITARY", "PLAIN",       "PORTABLE", "PORTAL",    "POST",
    "PRE",       "PRONE",       "PROSTATE",    "PROTOCOL",  "R",           "RECON",    "RENAL",     "RESOLUTION",
    "RF",        "RIB",         "RIBS",        "RIGHT",     "ROUTINE",     "SACRUM",   "SAG",       "SAGITTAL",
    "SCAN",      "SCOUT",       "SCREENING",   "SERIES",    "SHARP",       "SHOULDER", "SINUS",     "SKULL",
    "SLICE",     "SLICES",      "SMOOTH",      "SOFT",      "SPECT",       "SPINE",    "SPIRAL",    "SPLEEN",
    "STANDARD",  "STIR",        "STOMACH",     "STUDY",     "SUPINE",      "SWI",      "T1",        "T1W",
    "T2",        "T2W",         "TEMPORAL",    "THICK",     "THIN",        "THORACIC", "THORAX",    "THYROID",
    "TISSUE",    "TO",          "TOF",         "TOPOGRAM",  "TSPINE",      "UP",       "US",        "UTERUS",
    "VASCULAR",  "VENOUS",      "VR",          "W",         "WHOLE",       "WINDOW",   "WITH",      "WITHOUT",
    "WO",        "WRIST",       "XA",
};

bool inVocabulary(const QByteArray &word)
{
    const QByteArray upper = word.toUpper();
    const std::string_view key(upper.constData(), size_t(upper.size()));
    return std::binary_search(kVocabulary.begin(), kVocabulary.end(), key);
}

// "5", "1.25", "5mm", "120kV", "30%": at most three digits before and after the point, so
// dates, times and identifiers (longer digit runs) never pass.
bool isShortMeasure(const QByteArray &word)
{
    static const QRegularExpression measure(QStringLiteral("^[0-9]{1,3}([.,][0-9]{1,3})?(mm|cm|kv|mas|ms|s|hu|%)?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    return measure.match(QString::fromLatin1(word)).hasMatch();
}

// A word may join parts with '/', '+', '-' or '_' ("W/O", "C+", "T1-W"): kept when every part is.
bool keepWord(const QByteArray &word)
{
    for (const char c : word) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
            c == '+' || c == '-' || c == '_' || c == '.' || c == ',' || c == '%' || c == '(' || c == ')';
        if (!allowed)
            return false;
    }
    QByteArray part;
    bool anyPart = false;
    for (qsizetype i = 0; i <= word.size(); ++i) {
        const char c = i < word.size() ? word.at(i) : '/';
        if (c == '/' || c == '+' || c == '-' || c == '_' || c == '(' || c == ')') {
            if (!part.isEmpty() && !inVocabulary(part) && !isShortMeasure(part))
                return false;
            anyPart = anyPart || !part.isEmpty();
            part.clear();
        } else {
            part.append(c);
        }
    }
    return anyPart;
}

QByteArray cleanOne(const QByteArray &value)
{
    QList<QByteArray> kept;
    for (const QByteArray &word : value.simplified().split(' ')) {
        if (!word.isEmpty() && keepWord(word))
            kept.append(word);
    }
    return kept.join(' ');
}

QByteArray shiftOneDate(const QByteArray &value, int days)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QDate date = QDate::fromString(QString::fromLatin1(trimmed.left(8)), QStringLiteral("yyyyMMdd"));
    if (trimmed.size() < 8 || !date.isValid())
        return {};
    return date.addDays(days).toString(QStringLiteral("yyyyMMdd")).toLatin1() + trimmed.mid(8);
}

template <typename Fn>
QByteArray eachValue(const QByteArray &values, Fn fn)
{
    QList<QByteArray> out;
    for (const QByteArray &value : values.split('\\'))
        out.append(fn(value));
    return out.join('\\');
}

} // namespace

QByteArray shiftDates(const QByteArray &values, int days)
{
    return eachValue(values, [days](const QByteArray &v) {
        const QByteArray shifted = shiftOneDate(v, days);
        return shifted.size() == 8 ? shifted : QByteArray();
    });
}

QByteArray shiftDateTimes(const QByteArray &values, int days)
{
    return eachValue(values, [days](const QByteArray &v) { return shiftOneDate(v, days); });
}

QByteArray cleanDescriptor(const QByteArray &values)
{
    return eachValue(values, cleanOne);
}

} // namespace haip::dicom::internal
