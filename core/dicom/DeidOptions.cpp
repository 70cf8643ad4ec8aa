#include "dicom/DeidOptions.h"

namespace haip::dicom {

using namespace Qt::StringLiterals;

namespace {

// Keyword → flag, one line per option: the CLI's word and the IT policy's choice name
// (core/config "DeidOptions"; AllowBurnedInAnnotation is a policy key of its own there).
struct OptionKeyword
{
    QLatin1StringView keyword;
    QLatin1StringView policyName;
    bool DeidOptions::*flag = nullptr;
};

constexpr OptionKeyword kKeywords[] = {
    {"retain-patient-characteristics"_L1,
     "RetainPatientCharacteristics"_L1,
     &DeidOptions::retainPatientCharacteristics},
    {"modified-dates"_L1, "RetainLongitudinalModifiedDates"_L1, &DeidOptions::modifiedDates},
    {"retain-device-identity"_L1, "RetainDeviceIdentity"_L1, &DeidOptions::retainDeviceIdentity},
    {"clean-descriptors"_L1, "CleanDescriptors"_L1, &DeidOptions::cleanDescriptors},
    {"allow-burned-in"_L1, "AllowBurnedInAnnotation"_L1, &DeidOptions::allowBurnedInAnnotation},
};

} // namespace

Result<DeidOptions> DeidOptions::fromKeywords(const QStringList &keywords)
{
    DeidOptions options;
    for (const QString &raw : keywords) {
        const QString word = raw.trimmed();
        if (word.isEmpty())
            continue;
        bool known = false;
        for (const OptionKeyword &k : kKeywords) {
            if (word.compare(k.keyword, Qt::CaseInsensitive) == 0 ||
                word.compare(k.policyName, Qt::CaseInsensitive) == 0) {
                options.*k.flag = true;
                known = true;
            }
        }
        if (!known)
            return Error(ErrorCode::InvalidArgument, u"unknown de-identification option '%1'"_s.arg(word));
    }
    return options;
}

QStringList DeidOptions::keywords() const
{
    QStringList words;
    for (const OptionKeyword &k : kKeywords) {
        if (this->*k.flag)
            words.append(QString(k.keyword));
    }
    return words;
}

} // namespace haip::dicom
