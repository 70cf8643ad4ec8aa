// How DICOM values read in the browser: person names without '^' carets, dates as ISO
// YYYY-MM-DD (unambiguous in Japan and abroad), times as HH:MM, modality lists with '/'.
#pragma once

#include <QString>

namespace haip::ui::display {

// "Yamada^Tarou=山田^太郎=やまだ^たろう" → "山田 太郎 (Yamada Tarou)": the ideographic name
// first when there is one (as the viewer's annotations show it), the alphabetic one in
// parentheses; a single group as "Family Given".
QString personName(const QString &dicomName);
// Every component group (alphabetic, ideographic, phonetic) in stored order, empty groups
// dropped: "Yamada Tarou = 山田 太郎 = やまだ たろう" (tooltips: the reading matters in Japan).
QString personNameGroups(const QString &dicomName);
// "20230115" → "2023-01-15"; anything else is returned as stored.
QString date(const QString &dicomDate);
// "101530.25" → "10:15"; anything else as stored.
QString time(const QString &dicomTime);
// "CT\\SR" → "CT/SR".
QString modalities(const QString &dicomModalities);

} // namespace haip::ui::display
