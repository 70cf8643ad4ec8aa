// Value rewriting of the de-identifier's "C" (clean) action, on the raw text of a value (all
// values of a multi-valued attribute, separated by '\'). Qt only. Internal to core/dicom.
#pragma once

#include <QByteArray>

namespace haip::dicom::internal {

// DA values moved by `days`; a value that is not a valid YYYYMMDD date becomes empty.
QByteArray shiftDates(const QByteArray &values, int days);
// DT values: the date part (YYYYMMDD) moved by `days`, time and offset kept; a value with less
// than a full date becomes empty.
QByteArray shiftDateTimes(const QByteArray &values, int days);
// Descriptor text with free text removed: a word is kept only when it is in a vocabulary of
// anatomy, modality and technique terms (case-insensitive, ASCII), or a short number with an
// optional unit ("5mm", "120kV", "1.25"); everything else — names, long numbers that may be IDs
// or dates, any non-ASCII text — is dropped. Words are re-joined with single spaces.
QByteArray cleanDescriptor(const QByteArray &values);

} // namespace haip::dicom::internal
