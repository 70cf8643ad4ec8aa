#include "CorpusExpectations.h"

using namespace Qt::StringLiterals;

namespace haip::test {

namespace {

// Exact file names are escaped so that '.' and '+' mean themselves.
QString file(const QString &relative)
{
    return QRegularExpression::escape(relative);
}

CorpusRule decodes(const QString &pattern, int matches, Reference reference, int tolerance, const QString &why)
{
    return {pattern, matches, Outcome::Decodes, ErrorCode::None, reference, tolerance, why};
}

CorpusRule fails(const QString &pattern, int matches, Outcome outcome, ErrorCode code, const QString &why)
{
    return {pattern, matches, outcome, code, Reference::None, 0, why};
}

CorpusRule noPixels(const QString &pattern, int matches, const QString &why)
{
    return {pattern, matches, Outcome::NoPixelData, ErrorCode::NoPixelData, Reference::None, 0, why};
}

// Lossy syntaxes (JPEG baseline/extended, JPEG 2000 .91) may differ by ±2 from the reference.
constexpr int kLossy = 2;
constexpr int kLossless = 0;
const QString T = QStringLiteral("test_files/");
const QString C = QStringLiteral("charset_files/");

} // namespace

const QList<CorpusRule> &corpusRules()
{
    static const QList<CorpusRule> rules = {
        // Native syntaxes (explicit/implicit LE, explicit BE, deflate) and RLE: pydicom decodes itself.
        decodes(file(T + u"CT_small.dcm"_s), 1, Reference::Pydicom, kLossless, u"CT, explicit VR LE, signed 16-bit"_s),
        decodes(file(T + u"ExplVR_BigEnd.dcm"_s),
                1,
                Reference::Pydicom,
                kLossless,
                u"US RGB 8-bit, explicit BE, planar 1"_s),
        decodes(T + u"MR_small(|_bigendian|_expb|_implicit|_padded)\\.dcm"_s,
                5,
                Reference::Pydicom,
                kLossless,
                u"MR 16-bit in LE/BE/implicit syntaxes, one with trailing padding"_s),
        decodes(file(T + u"MR_small_RLE.dcm"_s), 1, Reference::Pydicom, kLossless, u"RLE lossless"_s),
        decodes(T + u"SC_rgb_rle(|_2frame|_16bit|_16bit_2frame|_32bit|_32bit_2frame)\\.dcm"_s,
                6,
                Reference::Pydicom,
                kLossless,
                u"RGB RLE, 8/16/32-bit, 1 and 2 frames (GDCM 3.0.21 gets 16/32-bit colour RLE wrong)"_s),
        decodes(file(T + u"SC_rgb_small_odd.dcm"_s), 1, Reference::Pydicom, kLossless, u"3x3 RGB, odd length"_s),
        decodes(file(T + u"SC_rgb_jpeg_dcmd.dcm"_s), 1, Reference::Pydicom, kLossless, u"RGB, implicit VR native"_s),
        decodes(file(T + u"SC_ybr_full_422_uncompressed.dcm"_s),
                1,
                Reference::Pydicom,
                kLossless,
                u"native YBR_FULL_422 (Y Y Cb Cr), converted to RGB"_s),
        decodes(file(T + u"image_dfl.dcm"_s), 1, Reference::Pydicom, kLossless, u"deflated explicit VR LE"_s),
        decodes(T + u"liver_(|expb_)1frame\\.dcm"_s, 2, Reference::Pydicom, kLossless, u"SEG, 1-bit, LE and BE"_s),
        decodes(T + u"rtdose(|_1frame|_expb|_expb_1frame|_rle|_rle_1frame)\\.dcm"_s,
                6,
                Reference::Pydicom,
                kLossless,
                u"RT Dose 32-bit, 15 frames and 1, LE/BE/RLE"_s),
        decodes(file(T + u"zipMR.gz"_s) + kGunzippedSuffix,
                1,
                Reference::Pydicom,
                kLossless,
                u"MR_small gunzipped by the test"_s),
        decodes(T + u"dicomdirtests/(77654033|98892001|98892003)/[A-Z0-9]+/[0-9]+"_s,
                31,
                Reference::Pydicom,
                kLossless,
                u"16x16 CR/CT/MR images of the DICOMDIR sample"_s),
        decodes(C + u"chr(Arab|Fren|FrenMulti|Germ|Greek|H31|H32|Hbrw|I2|Russ|X1|X2)\\.dcm"_s,
                12,
                Reference::Pydicom,
                kLossless,
                u"character-set samples with a 32x32 8-bit image"_s),

        // Compressed: gdcmconv --raw is the independent decoder.
        decodes(file(T + u"693_J2KI.dcm"_s),
                1,
                Reference::Gdcm,
                kLossy,
                u"JPEG 2000 (lossy syntax), 14 of 16 bits, signed"_s),
        decodes(file(T + u"GDCMJ2K_TextGBR.dcm"_s),
                1,
                Reference::Gdcm,
                kLossless,
                u"JPEG 2000 lossless with a JP2 header, YBR_RCT (OpenJPEG undoes the RCT)"_s),
        decodes(file(T + u"J2K_pixelrep_mismatch.dcm"_s),
                1,
                Reference::Gdcm,
                kLossless,
                u"J2K code stream unsigned, Pixel Representation 1, 13 bits: sign-extended from bit 12"_s),
        decodes(T + u"(JPEG-lossy|JPGExtended)\\.dcm"_s, 2, Reference::Gdcm, kLossy, u"JPEG extended 12-bit"_s),
        decodes(file(T + u"JPEG2000.dcm"_s), 1, Reference::Gdcm, kLossy, u"JPEG 2000 (lossy syntax) NM"_s),
        decodes(file(T + u"MR_small_jp2klossless.dcm"_s), 1, Reference::Gdcm, kLossless, u"JPEG 2000 lossless"_s),
        decodes(file(T + u"MR_small_jpeg_ls_lossless.dcm"_s), 1, Reference::Gdcm, kLossless, u"JPEG-LS lossless"_s),
        decodes(T + u"SC_jpeg_no_color_transform(|_2)\\.dcm"_s,
                2,
                Reference::Gdcm,
                kLossy,
                u"JPEG baseline RGB without colour transform (one with APP14): no YCbCr conversion"_s),
        decodes(T + u"SC_rgb_dcmtk_\\+eb\\+(cr|cy\\+n1|cy\\+n2|cy\\+np|cy\\+s2|cy\\+s4)\\.dcm"_s,
                6,
                Reference::Gdcm,
                kLossy,
                u"JPEG baseline from DCMTK, RGB and YBR_FULL(_422), converted to RGB"_s),
        decodes(file(T + u"SC_rgb_gdcm_KY.dcm"_s), 1, Reference::Gdcm, kLossy, u"JPEG 2000 (lossy syntax) RGB"_s),
        decodes(file(T + u"SC_rgb_jpeg.dcm"_s),
                1,
                Reference::Gdcm,
                kLossy,
                u"JPEG baseline whose data set is implicit VR although the syntax needs explicit (read anyway)"_s),
        decodes(T + u"SC_rgb_jpeg_(app14_dcmd|dcmtk|lossy_gdcm)\\.dcm"_s,
                3,
                Reference::Gdcm,
                kLossy,
                u"JPEG baseline RGB/YBR"_s),
        decodes(file(T + u"SC_rgb_jpeg_gdcm.dcm"_s), 1, Reference::Gdcm, kLossless, u"JPEG lossless process 14 RGB"_s),
        decodes(file(T + u"SC_rgb_small_odd_jpeg.dcm"_s), 1, Reference::Gdcm, kLossy, u"3x3 JPEG baseline YBR_FULL"_s),

        // Files that must fail, and why.
        fails(file(T + u"JPEG2000-embedded-sequence-delimiter.dcm"_s),
              1,
              Outcome::FrameFails,
              ErrorCode::CorruptPixelData,
              u"4 code-stream bytes overwritten: SIZ says 4292730882 tiles (GDCM refuses it too)"_s),
        fails(file(T + u"MR_truncated.dcm"_s),
              1,
              Outcome::OpenFails,
              ErrorCode::TruncatedFile,
              u"Pixel Data declares 8192 bytes, the file ends 8130 bytes later"_s),
        fails(file(T + u"rtplan_truncated.dcm"_s),
              1,
              Outcome::OpenFails,
              ErrorCode::TruncatedFile,
              u"ends inside Isocenter Position of a beam sequence item"_s),
        fails(file(T + u"badVR.dcm"_s),
              1,
              Outcome::FrameFails,
              ErrorCode::InvalidAttribute,
              u"RT Dose whose Number of Frames (IS) is \"1A\": frame layout unknown"_s),
        fails(T + u"(meta_missing_tsyntax|nested_priv_SQ)\\.dcm"_s,
              2,
              Outcome::FrameFails,
              ErrorCode::MissingAttribute,
              u"2-byte Pixel Data without Rows/Columns (parser fixtures, not images)"_s),
        fails(file(T + u"no_meta.dcm"_s),
              1,
              Outcome::OpenFails,
              ErrorCode::CorruptDataset,
              u"CT_small without meta header but with one stray byte in front of the data set"_s),
        fails(T + u"(README\\.txt|rtplan\\.dump|rtstruct\\.dump|test1\\.json|test_PN\\.json|zipMR\\.gz)"_s,
              6,
              Outcome::OpenFails,
              ErrorCode::NotDicom,
              u"text, JSON and gzip files"_s),
        fails(T + u"dicomdirtests/(README\\.txt|TINY_ALPHA/README)"_s,
              2,
              Outcome::OpenFails,
              ErrorCode::NotDicom,
              u"text files"_s),
        fails(file(C + u"FileInfo.txt"_s), 1, Outcome::OpenFails, ErrorCode::NotDicom, u"text file"_s),

        // Valid DICOM without pixel data.
        noPixels(T + u"ExplVR_(Big|Lit)EndNoMeta\\.dcm"_s, 2, u"RT Plan data sets without meta header, BE and LE"_s),
        noPixels(T +
                     u"(UN_sequence|empty_charset_LEI|no_meta_group_length|priv_SQ|reportsi|"
                     u"reportsi_with_empty_number_tags|rtplan|rtstruct|test-SR|waveform_ecg)\\.dcm"_s,
                 10,
                 u"SR, RT, waveform and parser fixtures"_s),
        noPixels(T + u"dicomdirtests/DICOMDIR.*"_s, 7, u"DICOMDIR variants"_s),
        noPixels(T + u"dicomdirtests/TINY_ALPHA/DICOMDIR"_s, 1, u"DICOMDIR"_s),
        noPixels(T + u"dicomdirtests/TINY_ALPHA/PT000000/ST000000/SE000000/IM[0-9A-Z]+"_s,
                 50,
                 u"CT headers without Pixel Data"_s),
        noPixels(C + u"chr(JapMulti|JapMultiExplicitIR6|KoreanMulti|SQEncoding|SQEncoding1)\\.dcm"_s,
                 5,
                 u"character-set samples without pixels"_s),
    };
    return rules;
}

} // namespace haip::test
