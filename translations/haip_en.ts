<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Error</name>
    <message>
        <source>No error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid argument: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file cannot be read (check permissions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file is too large to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file cannot be written (check free space and permissions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a DICOM file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the DICOM file is truncated (it ends before its data does).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the DICOM file has an invalid value representation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the DICOM data set is damaged and cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a required DICOM attribute is missing (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a DICOM attribute has an invalid value (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the DICOMDIR is damaged; the folder was scanned instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file holds no image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the image compression (%2) is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the colour model (%2) is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the pixel bit depth (%2) is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the image has no frame %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the pixel data is damaged or incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the image could not be decoded (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the character set %2 is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local image index reported an error: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: %1. Please report this to IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted data is damaged or was altered and cannot be trusted (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the encrypted data is damaged or was altered and cannot be trusted (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted data is incomplete: it ends before its last part (%1). Transfer it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the encrypted data is incomplete: it ends before its last part (%2). Transfer it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted data was not sealed for this key or this purpose (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the encrypted data was not sealed for this key or this purpose (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted data uses a format or algorithm this version cannot read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the encrypted data uses a format or algorithm this version cannot read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is not valid (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the key is not valid (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature does not verify: the document was altered or not signed by the expected key (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the signature does not verify: the document was altered or not signed by the expected key (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing key is not the one pinned by policy (%1); ask IT to check the configured key fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform does not know %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform does not allow this operation on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in a state that does not allow this (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is larger than the platform accepts (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform closed the connection because the request arrived too slowly. Check the network and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests in a short time (%1). Wait and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in to the platform. Insert your card and sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform refused your card&apos;s certificate: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your platform session has ended. Sign in again with your card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in is locked after too many wrong one-time passwords (%1). Wait, then try again, or ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform %1 cannot be reached (%2). Check the network; the work continues when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform %1 sent an answer that is not valid (%2). Nothing of it was used; please report this to IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card reader cannot be used (%1). Check that the reader is connected and the smart-card service is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card was removed. Insert your card again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. %1 tries left before the card is blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card is blocked after too many wrong PINs. Ask IT to unblock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card refused the operation (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. Too many wrong PINs block the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN (%1). Too many wrong PINs block the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card cannot be used for sign-in (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the image may show patient details burned into its pixels (%2), so it was not de-identified and must not leave this computer. IT policy can allow such images where their pixels were checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the AI segmentation does not fit these images, so it is not shown (a misplaced outline would mislead): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceEligibility</name>
    <message>
        <source>%1 or %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of no known modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong modality: needs %1, this series is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a single image: this service needs a volume of at least %1 slices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too few slices: needs ≥ %1, this series has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many slices: accepts ≤ %1, this series has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slices too thick: needs ≤ %1 mm, this series has %2 mm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkstationOptions</name>
    <message>
        <source>HAIP Clinician Workstation: view DICOM studies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the window as PNG to &lt;file&gt; once the first image is shown and loading has finished, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up waiting for --screenshot after &lt;seconds&gt; (30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language: ja or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of the local image index (default: $HAIP_INDEX_DIR, else the user&apos;s data folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window/level preset for the first series shown, e.g. ct-lung.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour theme for this run: dark or light.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM files, folders or DICOMDIRs to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot-timeout needs a positive number of seconds, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--language must be ja or en, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--theme must be dark or light, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HAIP platform to sign in to (https://…): the login screen comes first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 of the platform CA&apos;s public key (64 hex digits), as set by policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after &lt;minutes&gt; without activity (0: never).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--idle-lock-minutes needs a number of minutes, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--platform-url and --ca-pin go together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--platform-url takes an https:// address and --ca-pin 64 hex digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 of the catalog signing key&apos;s public key (64 hex digits), as set by policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--catalog-pin takes 64 hex digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::app::ScreenshotJob</name>
    <message>
        <source>nothing that could be shown was opened (see the Problems panel in the screenshot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no image was shown within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::dicom::Placer</name>
    <message>
        <source>frame %1 (segment %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was made from image %2, which is not in this series (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has neither a position in the patient nor a source image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is oriented differently from the images (rows %2, columns %3 against rows %4, columns %5): flipped or rotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lies %2 mm from the nearest slice (at most %3 mm allowed): it is on no slice of this series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lies on slice %2 but was made from slice %3: its position does not match its source image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lies %2 mm from its source image (at most %3 mm allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is shifted %2 mm within the slice plane from the image (at most %3 mm allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 × %3 pixels but its image has %4 × %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has pixels of %2 × %3 mm but its image has %4 × %5 mm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::dicom::SegmentPlacement</name>
    <message>
        <source>the segmentation has no frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the series %1 has no images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its frame of reference %1 is not that of the images (%2): it was made for another scan or patient position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its frames lie on different stacks of the series (%1 and %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::dicom::WindowPresets</name>
    <message>
        <source>CT Lung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CT Mediastinum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CT Abdomen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CT Bone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CT Brain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File window %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File VOI LUT %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File LUT: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::AboutDialog</name>
    <message>
        <source>About HAIP Clinician Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;HAIP Clinician Workstation&lt;/h2&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;The doctor&apos;s desktop client of the Healthcare AI Platform (HAIP): local DICOM viewing and, in later versions, medical-AI services.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Regulatory status:&lt;/b&gt; for research use only. Not approved as a medical device; do not use for primary diagnosis until approval is granted.&lt;/p&gt;&lt;p&gt;Built with Qt %2, DCMTK %3, OpenJPEG %4.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::AiWorkflow</name>
    <message>
        <source>AI jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analyse with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No catalog yet: sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI result ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI job failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the series on screen to an AI service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::AnalysisController</name>
    <message>
        <source>The service is not in the verified catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a series first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::AnnotationPainter</name>
    <message>
        <source>%1 cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::AnnotationText</name>
    <message>
        <source>ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slice %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thickness %1 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cine %1 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VOI LUT %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W %1  L %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inverted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::AnonymisedBadge</name>
    <message>
        <source>Anonymised display</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::CatalogDelegate</name>
    <message>
        <source>Approved medical device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Research use only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ accepts the open series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::CatalogModel</name>
    <message numerus="yes">
        <source>about %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>haip::ui::CatalogPanel</name>
    <message>
        <source>All modalities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All body parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — showing the catalog of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No series open: open one, or drop it here, to see which services accept it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Open series: %1, %n image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 mm slices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a series first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search services, vendors, body parts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any regulatory status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::ClinicianSession</name>
    <message>
        <source>Lock the Workstation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::EmergencyAccessForm</name>
    <message>
        <source>Emergency access is for when your card cannot be used. Ask IT for a one-time emergency code. The session is short, marked on screen and recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency code from IT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with emergency access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to card sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::FindingsPanel</name>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The findings could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No structured findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report lists no findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report lists no findings: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s). Click one to show it on the images.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Algorithm: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::ImageView</name>
    <message>
        <source>%1  R %2 G %3 B %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  index %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No series open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slice %1 could not be displayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading slice %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This series has no images to show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::JobsModel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>AI service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 (%n images)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>De-identifying and encrypting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1 of %2 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysing — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::JobsPanel</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this job and its result from this workstation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this job? If it is still running it is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove job</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::LockScreen</name>
    <message>
        <source>Workstation locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images and results are hidden. AI jobs continue in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card was removed from the reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minutes without activity.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Locked by the user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the PIN of your card to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert your card to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN has 6 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::LoginScreen</name>
    <message>
        <source>Sign in to HAIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6–8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time password from your authenticator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The smart-card service is not running. Ask IT to start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a smart-card reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert your HPKI card or staff card into the reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the reader with your card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several readers hold a card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tries left before the card is blocked.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Last try before the card is blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A wrong PIN was entered before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card is proving who you are to the HAIP platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the code your authenticator shows now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card is blocked after too many wrong PINs. Ask IT to unblock it with its PUK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN has 6 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code has 6 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The code changes in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Card cannot be used? Emergency access</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::MainWindow</name>
    <message>
        <source>Reading files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading cancelled: %1 of %2 images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images loaded, %2 failed (see Problems).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Studies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study &amp;Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Problems panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Research use only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not approved as a medical device; not for primary diagnosis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the index folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening cancelled: %1 images read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images in %2 series read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 file(s) could not be read (see Problems).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 problem(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HAIP Clinician Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMERGENCY ACCESS: %1 (until %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::MeasurementPainter</name>
    <message>
        <source>%1 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SD %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min %1  Max %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area %1 cm²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area %1 mm²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area %1 px²</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::OpenDialogs</name>
    <message>
        <source>Open DICOM Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM files (*.dcm *.dicom *.DCM *.ima *.IMA);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open DICOMDIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOMDIR (DICOMDIR dicomdir DICOMDIR.*);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::PresentationStateActions</name>
    <message>
        <source>Show Presentation Graphics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the graphics and text of the presentation state on the images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphics Only (Keep My Window/Level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the presentation state&apos;s graphics but keep your own window/level instead of the state&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::ProblemsPanel</name>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(general)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 file(s) could not be opened or shown; everything else was loaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::ProgressStatus</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel loading (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::ResultPresenter</name>
    <message>
        <source>AI result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::SegmentOverlay</name>
    <message>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>50 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::SegmentPanel</name>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity of the filled segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No segmentation shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary segmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability map (heat map)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupancy map (heat map)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Algorithm: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 voxels on %2 slices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::SendConfirmation</name>
    <message>
        <source>JPEG-LS lossless</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deflate (lossless)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uncompressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved medical device (PMDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Research use only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to AI service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regulatory status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>What leaves this workstation: a de-identified copy of %n image(s) of %1, %2 MB before compression, compressed as %3.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>De-identification (DICOM PS3.15 Basic Profile): the patient&apos;s name and ID are replaced by a pseudonym, %1 attributes removed, %2 emptied or replaced, private attributes removed, every UID replaced. The originals stay on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End-to-end encrypted to the service&apos;s own key (HPKE, key %1): the platform forwards it but cannot read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark (reading room)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies when the workstation is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IT policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by your IT department&apos;s policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked: set by your IT department&apos;s policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation settings (values set by IT policy are locked):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy problems: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::ShellActions</name>
    <message>
        <source>Open &amp;Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open DICOM files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open F&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a folder and everything below it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;DICOMDIR / CD…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a DICOMDIR, e.g. from a hospital CD or DVD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Study…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the study browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About HAIP Clinician Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Anonymised Display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the patient&apos;s name, ID and birth date on screen, for screenshots and teaching (the files are not changed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::StudyBrowser</name>
    <message>
        <source>Search name, ID, description, modality…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No studies yet.

Open files, a folder or a DICOMDIR from the File menu, or drop them onto this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent studies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No study matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2
Last opened %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::StudyBrowserModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient name, study or series description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient ID, accession number or series number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date or study date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mod.</source>
        <comment>modality, abbreviated column title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser.</source>
        <comment>number of series, abbreviated column title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Img.</source>
        <comment>number of images, abbreviated column title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of images (instances)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
ID: %2
Birth date: %3
Sex: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 %3
Accession: %4
%5 series, %6 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series %1 (%2): %3 images, %4 frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series %1 (%2): %3 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient %1</source>
        <comment>anonymised display: a patient&apos;s stand-in name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Sex: %2
Name, ID and birth date hidden (anonymised display)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 %3
%4 series, %5 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n AI result(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>haip::ui::ViewerActions</name>
    <message>
        <source>Window/Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ellipse ROI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual Pixels (1:1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flip Horizontal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flip Vertical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play Cine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cine Slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cine Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause Cine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::ui::WelcomePage</name>
    <message>
        <source>HAIP Clinician Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open DICOM files, a folder or a CD (DICOMDIR) from the File menu,
drop them onto this window, or double-click a series in the study browser.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::vcard::VpcdLink</name>
    <message>
        <source>the vpcd reader driver closed the connection (did pcscd stop?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reach the vpcd reader driver at %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::workflow::JobQueue</name>
    <message>
        <source>The service is not in the verified catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The series has no images to send.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>haip::workflow::JobRunner</name>
    <message>
        <source>The service is not in the verified catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service could not analyse the series.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform no longer has the result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sealed series is no longer on this computer. Retry to prepare it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
