#include "dicom/DeidOptions.h"

namespace haip::dicom {

using namespace Qt::StringLiterals;

namespace {

// Keyword → flag, one line per option (the policy file and the CLI use the same words).
struct OptionKeyword
{
    QLatin1StringView keyword;
    bool DeidOptions::*flag;
};

constexpr OptionKeyword kKeywords[] = {
    {"retain-patient-characteristics"_L1, &DeidOptions::retainPatientCharacteristics},
    {"modified-dates"_L1, &DeidOptions::modifiedDates},
    {"retain-device-identity"_L1, &DeidOptions::retainDeviceIdentity},
    {"clean-descriptors"_L1, &DeidOptions::cleanDescriptors},
    {"allow-burned-in"_L1, &DeidOptions::allowBurnedInAnnotation},
};

} // namespace

Result<DeidOptions> DeidOptions::fromKeywords(const QStringList &keywords)
{
    DeidOptions options;
    for (const QString &raw : keywords) {
        const QString word = raw.trimmed().toLower();
        if (word.isEmpty())
            continue;
        bool known = false;
        for (const OptionKeyword &k : kKeywords) {
            if (word == k.keyword) {
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
