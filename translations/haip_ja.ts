<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Error</name>
    <message>
        <source>No error.</source>
        <translation>エラーはありません。</translation>
    </message>
    <message>
        <source>Invalid argument: %1.</source>
        <translation>引数が正しくありません: %1。</translation>
    </message>
    <message>
        <source>%1: the file does not exist.</source>
        <translation>%1: ファイルが存在しません。</translation>
    </message>
    <message>
        <source>%1: the file cannot be read (check permissions).</source>
        <translation>%1: ファイルを読み込めません（アクセス権を確認してください）。</translation>
    </message>
    <message>
        <source>%1: the file is too large to open.</source>
        <translation>%1: ファイルが大きすぎて開けません。</translation>
    </message>
    <message>
        <source>%1: the file cannot be written (check free space and permissions).</source>
        <translation>%1: ファイルを書き込めません（空き容量とアクセス権を確認してください）。</translation>
    </message>
    <message>
        <source>%1: not a DICOM file.</source>
        <translation>%1: DICOM ファイルではありません。</translation>
    </message>
    <message>
        <source>%1: the DICOM file is truncated (it ends before its data does).</source>
        <translation>%1: DICOM ファイルが途中で切れています（データの終わりより前でファイルが終わっています）。</translation>
    </message>
    <message>
        <source>%1: the DICOM file has an invalid value representation.</source>
        <translation>%1: DICOM ファイルに不正な値表現（VR）があります。</translation>
    </message>
    <message>
        <source>%1: the DICOM data set is damaged and cannot be read.</source>
        <translation>%1: DICOM データセットが壊れているため読み込めません。</translation>
    </message>
    <message>
        <source>%1: a required DICOM attribute is missing (%2).</source>
        <translation>%1: 必須の DICOM 属性がありません（%2）。</translation>
    </message>
    <message>
        <source>%1: a DICOM attribute has an invalid value (%2).</source>
        <translation>%1: DICOM 属性の値が不正です（%2）。</translation>
    </message>
    <message>
        <source>%1: the DICOMDIR is damaged; the folder was scanned instead.</source>
        <translation>%1: DICOMDIR が壊れているため、代わりにフォルダーを走査しました。</translation>
    </message>
    <message>
        <source>%1: the file holds no image.</source>
        <translation>%1: このファイルには画像がありません。</translation>
    </message>
    <message>
        <source>%1: the image compression (%2) is not supported.</source>
        <translation>%1: この画像圧縮方式（%2）には対応していません。</translation>
    </message>
    <message>
        <source>%1: the colour model (%2) is not supported.</source>
        <translation>%1: この色表現（%2）には対応していません。</translation>
    </message>
    <message>
        <source>%1: the pixel bit depth (%2) is not supported.</source>
        <translation>%1: この画素ビット深度（%2）には対応していません。</translation>
    </message>
    <message>
        <source>%1: the image has no frame %2.</source>
        <translation>%1: 画像にフレーム %2 はありません。</translation>
    </message>
    <message>
        <source>%1: the pixel data is damaged or incomplete.</source>
        <translation>%1: 画素データが壊れているか不完全です。</translation>
    </message>
    <message>
        <source>%1: the image could not be decoded (%2).</source>
        <translation>%1: 画像を復号できませんでした（%2）。</translation>
    </message>
    <message>
        <source>%1: the character set %2 is not supported.</source>
        <translation>%1: 文字集合 %2 には対応していません。</translation>
    </message>
    <message>
        <source>The local image index reported an error: %1.</source>
        <translation>ローカル画像インデックスでエラーが発生しました: %1。</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>操作は取り消されました。</translation>
    </message>
    <message>
        <source>Internal error: %1. Please report this to IT.</source>
        <translation>内部エラー: %1。情報システム部門に報告してください。</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>不明なエラーです。</translation>
    </message>
    <message>
        <source>The encrypted data is damaged or was altered and cannot be trusted (%1).</source>
        <translation>暗号化されたデータが壊れているか改ざんされているため、信頼できません（%1）。</translation>
    </message>
    <message>
        <source>%1: the encrypted data is damaged or was altered and cannot be trusted (%2).</source>
        <translation>%1: 暗号化されたデータが壊れているか改ざんされているため、信頼できません（%2）。</translation>
    </message>
    <message>
        <source>The encrypted data is incomplete: it ends before its last part (%1). Transfer it again.</source>
        <translation>暗号化されたデータが不完全です。最後の部分より前で終わっています（%1）。もう一度転送してください。</translation>
    </message>
    <message>
        <source>%1: the encrypted data is incomplete: it ends before its last part (%2). Transfer it again.</source>
        <translation>%1: 暗号化されたデータが不完全です。最後の部分より前で終わっています（%2）。もう一度転送してください。</translation>
    </message>
    <message>
        <source>The encrypted data was not sealed for this key or this purpose (%1).</source>
        <translation>暗号化されたデータは、この鍵またはこの用途向けに封緘されたものではありません（%1）。</translation>
    </message>
    <message>
        <source>%1: the encrypted data was not sealed for this key or this purpose (%2).</source>
        <translation>%1: 暗号化されたデータは、この鍵またはこの用途向けに封緘されたものではありません（%2）。</translation>
    </message>
    <message>
        <source>The encrypted data uses a format or algorithm this version cannot read (%1).</source>
        <translation>暗号化されたデータは、このバージョンでは読めない形式またはアルゴリズムを使っています（%1）。</translation>
    </message>
    <message>
        <source>%1: the encrypted data uses a format or algorithm this version cannot read (%2).</source>
        <translation>%1: 暗号化されたデータは、このバージョンでは読めない形式またはアルゴリズムを使っています（%2）。</translation>
    </message>
    <message>
        <source>The key is not valid (%1).</source>
        <translation>鍵が正しくありません（%1）。</translation>
    </message>
    <message>
        <source>%1: the key is not valid (%2).</source>
        <translation>%1: 鍵が正しくありません（%2）。</translation>
    </message>
    <message>
        <source>The signature does not verify: the document was altered or not signed by the expected key (%1).</source>
        <translation>署名を検証できません。文書が改ざんされているか、想定された鍵で署名されていません（%1）。</translation>
    </message>
    <message>
        <source>%1: the signature does not verify: the document was altered or not signed by the expected key (%2).</source>
        <translation>%1: 署名を検証できません。文書が改ざんされているか、想定された鍵で署名されていません（%2）。</translation>
    </message>
    <message>
        <source>The signing key is not the one pinned by policy (%1); ask IT to check the configured key fingerprint.</source>
        <translation>署名鍵がポリシーで固定された鍵と一致しません（%1）。設定された鍵フィンガープリントの確認を情報システム部門に依頼してください。</translation>
    </message>
    <message>
        <source>The platform does not know %1.</source>
        <translation>プラットフォームは %1 を認識していません。</translation>
    </message>
    <message>
        <source>The platform does not allow this operation on %1.</source>
        <translation>プラットフォームは %1 に対するこの操作を許可していません。</translation>
    </message>
    <message>
        <source>%1 is in a state that does not allow this (%2).</source>
        <translation>%1 は現在この操作ができない状態です（%2）。</translation>
    </message>
    <message>
        <source>The request is larger than the platform accepts (%1).</source>
        <translation>要求がプラットフォームの受け付ける大きさを超えています（%1）。</translation>
    </message>
    <message>
        <source>The platform closed the connection because the request arrived too slowly. Check the network and try again.</source>
        <translation>要求の到着が遅すぎたため、プラットフォームが接続を閉じました。ネットワークを確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Too many requests in a short time (%1). Wait and try again.</source>
        <translation>短時間に要求が多すぎます（%1）。しばらく待ってから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>You are not signed in to the platform. Insert your card and sign in.</source>
        <translation>プラットフォームにサインインしていません。カードを挿入してサインインしてください。</translation>
    </message>
    <message>
        <source>Sign-in failed: %1.</source>
        <translation>サインインに失敗しました: %1。</translation>
    </message>
    <message>
        <source>The platform refused your card's certificate: %1.</source>
        <translation>プラットフォームがカードの証明書を拒否しました: %1。</translation>
    </message>
    <message>
        <source>Your platform session has ended. Sign in again with your card.</source>
        <translation>プラットフォームのセッションが終了しました。カードでもう一度サインインしてください。</translation>
    </message>
    <message>
        <source>Sign-in is locked after too many wrong one-time passwords (%1). Wait, then try again, or ask IT.</source>
        <translation>ワンタイムパスワードの誤りが多すぎたため、サインインがロックされました（%1）。しばらく待ってから再度お試しいただくか、情報システム部門にお問い合わせください。</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2.</source>
        <translation>%1 への安全な接続に失敗しました: %2。</translation>
    </message>
    <message>
        <source>The platform %1 cannot be reached (%2). Check the network; the work continues when the connection is back.</source>
        <translation>プラットフォーム %1 に接続できません（%2）。ネットワークを確認してください。接続が戻ると処理は再開されます。</translation>
    </message>
    <message>
        <source>The platform %1 sent an answer that is not valid (%2). Nothing of it was used; please report this to IT.</source>
        <translation>プラットフォーム %1 から不正な応答が返されました（%2）。その内容は一切使用していません。情報システム部門に報告してください。</translation>
    </message>
    <message>
        <source>The card reader cannot be used (%1). Check that the reader is connected and the smart-card service is running.</source>
        <translation>カードリーダーを使用できません（%1）。リーダーが接続され、スマートカードサービスが動作していることを確認してください。</translation>
    </message>
    <message>
        <source>The card was removed. Insert your card again.</source>
        <translation>カードが取り外されました。もう一度カードを挿入してください。</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 tries left before the card is blocked.</source>
        <translation>PIN が正しくありません。あと %1 回間違えるとカードがロックされます。</translation>
    </message>
    <message>
        <source>The card is blocked after too many wrong PINs. Ask IT to unblock it.</source>
        <translation>PIN の誤りが多すぎたため、カードがロックされました。ロック解除を情報システム部門に依頼してください。</translation>
    </message>
    <message>
        <source>The card refused the operation (%1).</source>
        <translation>カードが操作を拒否しました（%1）。</translation>
    </message>
    <message>
        <source>Wrong PIN. Too many wrong PINs block the card.</source>
        <translation>PIN が違います。誤入力を繰り返すとカードがロックされます。</translation>
    </message>
    <message>
        <source>Wrong PIN (%1). Too many wrong PINs block the card.</source>
        <translation>PIN が違います（%1）。誤入力を繰り返すとカードがロックされます。</translation>
    </message>
    <message>
        <source>This card cannot be used for sign-in (%1).</source>
        <translation>このカードはサインインに使用できません（%1）。</translation>
    </message>
    <message>
        <source>%1: the image may show patient details burned into its pixels (%2), so it was not de-identified and must not leave this computer. IT policy can allow such images where their pixels were checked.</source>
        <translation>%1: 画素に患者情報が焼き込まれている可能性があるため（%2）、匿名化せず、このコンピューターから送信できません。画素を確認済みの画像については IT ポリシーで許可できます。</translation>
    </message>
    <message>
        <source>%1: the AI segmentation does not fit these images, so it is not shown (a misplaced outline would mislead): %2</source>
        <translation>%1: AI のセグメンテーションがこの画像と一致しないため表示しません（位置のずれた輪郭は誤解を招きます）: %2</translation>
    </message>
</context>
<context>
    <name>ServiceEligibility</name>
    <message>
        <source>%1 or %2</source>
        <translation>%1 または %2</translation>
    </message>
    <message>
        <source>of no known modality</source>
        <translation>モダリティ不明</translation>
    </message>
    <message>
        <source>wrong modality: needs %1, this series is %2</source>
        <translation>モダリティが違います: %1 が必要ですが、このシリーズは %2 です</translation>
    </message>
    <message>
        <source>a single image: this service needs a volume of at least %1 slices</source>
        <translation>単一画像です: このサービスには %1 スライス以上のボリュームが必要です</translation>
    </message>
    <message>
        <source>too few slices: needs ≥ %1, this series has %2</source>
        <translation>スライス数が不足しています: %1 枚以上必要ですが、このシリーズは %2 枚です</translation>
    </message>
    <message>
        <source>too many slices: accepts ≤ %1, this series has %2</source>
        <translation>スライス数が多すぎます: %1 枚まで受け付けますが、このシリーズは %2 枚です</translation>
    </message>
    <message>
        <source>slices too thick: needs ≤ %1 mm, this series has %2 mm</source>
        <translation>スライス厚が厚すぎます: %1 mm 以下が必要ですが、このシリーズは %2 mm です</translation>
    </message>
</context>
<context>
    <name>WorkstationOptions</name>
    <message>
        <source>HAIP Clinician Workstation: view DICOM studies.</source>
        <translation>HAIP 臨床医ワークステーション: DICOM 検査を表示します。</translation>
    </message>
    <message>
        <source>Save the window as PNG to &lt;file&gt; once the first image is shown and loading has finished, then quit.</source>
        <translation>最初の画像が表示され読み込みが終わったら、ウィンドウを PNG として &lt;file&gt; に保存して終了します。</translation>
    </message>
    <message>
        <source>Give up waiting for --screenshot after &lt;seconds&gt; (30).</source>
        <translation>--screenshot の待機を &lt;seconds&gt; 秒（既定 30）で打ち切ります。</translation>
    </message>
    <message>
        <source>User interface language: ja or en.</source>
        <translation>表示言語: ja または en。</translation>
    </message>
    <message>
        <source>Folder of the local image index (default: $HAIP_INDEX_DIR, else the user's data folder).</source>
        <translation>ローカル画像インデックスのフォルダー（既定: $HAIP_INDEX_DIR、未設定ならユーザーのデータフォルダー）。</translation>
    </message>
    <message>
        <source>Window/level preset for the first series shown, e.g. ct-lung.</source>
        <translation>最初に表示するシリーズのウィンドウ条件プリセット（例: ct-lung）。</translation>
    </message>
    <message>
        <source>Colour theme for this run: dark or light.</source>
        <translation>今回の起動で使う配色テーマ: dark または light。</translation>
    </message>
    <message>
        <source>DICOM files, folders or DICOMDIRs to open.</source>
        <translation>開く DICOM ファイル、フォルダー、または DICOMDIR。</translation>
    </message>
    <message>
        <source>--screenshot-timeout needs a positive number of seconds, not “%1”.</source>
        <translation>--screenshot-timeout には正の秒数を指定してください（「%1」は無効です）。</translation>
    </message>
    <message>
        <source>--language must be ja or en, not “%1”.</source>
        <translation>--language には ja または en を指定してください（「%1」は無効です）。</translation>
    </message>
    <message>
        <source>--theme must be dark or light, not “%1”.</source>
        <translation>--theme には dark または light を指定してください（「%1」は無効です）。</translation>
    </message>
    <message>
        <source>HAIP platform to sign in to (https://…): the login screen comes first.</source>
        <translation>サインインする HAIP プラットフォーム（https://…）。最初にログイン画面を表示します。</translation>
    </message>
    <message>
        <source>SHA-256 of the platform CA's public key (64 hex digits), as set by policy.</source>
        <translation>ポリシーで指定されたプラットフォーム CA 公開鍵の SHA-256（16 進 64 桁）。</translation>
    </message>
    <message>
        <source>Lock after &lt;minutes&gt; without activity (0: never).</source>
        <translation>&lt;minutes&gt; 分間操作がなければロックします（0: ロックしない）。</translation>
    </message>
    <message>
        <source>--idle-lock-minutes needs a number of minutes, not “%1”.</source>
        <translation>--idle-lock-minutes には分数を指定してください（「%1」ではありません）。</translation>
    </message>
    <message>
        <source>--platform-url and --ca-pin go together.</source>
        <translation>--platform-url と --ca-pin は一緒に指定してください。</translation>
    </message>
    <message>
        <source>--platform-url takes an https:// address and --ca-pin 64 hex digits.</source>
        <translation>--platform-url には https:// のアドレスを、--ca-pin には 16 進 64 桁を指定してください。</translation>
    </message>
    <message>
        <source>SHA-256 of the catalog signing key's public key (64 hex digits), as set by policy.</source>
        <translation>カタログ署名鍵の公開鍵の SHA-256（16 進 64 桁、ポリシーで設定する値）。</translation>
    </message>
    <message>
        <source>--catalog-pin takes 64 hex digits.</source>
        <translation>--catalog-pin には 16 進 64 桁を指定してください。</translation>
    </message>
</context>
<context>
    <name>haip::app::ScreenshotJob</name>
    <message>
        <source>nothing that could be shown was opened (see the Problems panel in the screenshot)</source>
        <translation>表示できるものを開けませんでした（スクリーンショットの問題パネルを参照してください）</translation>
    </message>
    <message>
        <source>no image was shown within %1 s</source>
        <translation>%1 秒以内に画像が表示されませんでした</translation>
    </message>
</context>
<context>
    <name>haip::dicom::Placer</name>
    <message>
        <source>frame %1 (segment %2)</source>
        <translation>フレーム %1（セグメント %2）</translation>
    </message>
    <message>
        <source>%1 was made from image %2, which is not in this series (%3)</source>
        <translation>%1 は画像 %2 から作成されていますが、その画像はこのシリーズにありません（%3）</translation>
    </message>
    <message>
        <source>%1 has neither a position in the patient nor a source image</source>
        <translation>%1 には患者座標上の位置も元画像もありません</translation>
    </message>
    <message>
        <source>%1 is oriented differently from the images (rows %2, columns %3 against rows %4, columns %5): flipped or rotated</source>
        <translation>%1 は画像と向きが異なります（行 %2、列 %3 に対し 行 %4、列 %5）: 反転または回転しています</translation>
    </message>
    <message>
        <source>%1 lies %2 mm from the nearest slice (at most %3 mm allowed): it is on no slice of this series</source>
        <translation>%1 は最も近いスライスから %2 mm 離れています（許容 %3 mm）: このシリーズのどのスライスにも乗りません</translation>
    </message>
    <message>
        <source>%1 lies on slice %2 but was made from slice %3: its position does not match its source image</source>
        <translation>%1 はスライス %2 上にありますが、スライス %3 から作成されています: 位置が元画像と一致しません</translation>
    </message>
    <message>
        <source>%1 lies %2 mm from its source image (at most %3 mm allowed)</source>
        <translation>%1 は元画像から %2 mm 離れています（許容 %3 mm）</translation>
    </message>
    <message>
        <source>%1 is shifted %2 mm within the slice plane from the image (at most %3 mm allowed)</source>
        <translation>%1 はスライス面内で画像から %2 mm ずれています（許容 %3 mm）</translation>
    </message>
    <message>
        <source>%1 has %2 × %3 pixels but its image has %4 × %5</source>
        <translation>%1 は %2 × %3 ピクセルですが、画像は %4 × %5 です</translation>
    </message>
    <message>
        <source>%1 has pixels of %2 × %3 mm but its image has %4 × %5 mm</source>
        <translation>%1 のピクセルは %2 × %3 mm ですが、画像は %4 × %5 mm です</translation>
    </message>
</context>
<context>
    <name>haip::dicom::SegmentPlacement</name>
    <message>
        <source>the segmentation has no frames</source>
        <translation>セグメンテーションにフレームがありません</translation>
    </message>
    <message>
        <source>the series %1 has no images</source>
        <translation>シリーズ %1 に画像がありません</translation>
    </message>
    <message>
        <source>its frame of reference %1 is not that of the images (%2): it was made for another scan or patient position</source>
        <translation>座標系 %1 が画像の座標系（%2）と異なります: 別の撮影または別の体位のために作成されたものです</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>its frames lie on different stacks of the series (%1 and %2)</source>
        <translation>フレームがシリーズ内の異なるスタックにあります（%1 と %2）</translation>
    </message>
</context>
<context>
    <name>haip::dicom::WindowPresets</name>
    <message>
        <source>CT Lung</source>
        <translation>CT 肺野条件</translation>
    </message>
    <message>
        <source>CT Mediastinum</source>
        <translation>CT 縦隔条件</translation>
    </message>
    <message>
        <source>CT Abdomen</source>
        <translation>CT 腹部条件</translation>
    </message>
    <message>
        <source>CT Bone</source>
        <translation>CT 骨条件</translation>
    </message>
    <message>
        <source>CT Brain</source>
        <translation>CT 脳条件</translation>
    </message>
    <message>
        <source>File window %1</source>
        <translation>ファイル指定ウィンドウ %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>ファイル指定: %1</translation>
    </message>
    <message>
        <source>File VOI LUT %1</source>
        <translation>ファイル指定 VOI LUT %1</translation>
    </message>
    <message>
        <source>File LUT: %1</source>
        <translation>ファイル指定 LUT: %1</translation>
    </message>
</context>
<context>
    <name>haip::ui::AboutDialog</name>
    <message>
        <source>About HAIP Clinician Workstation</source>
        <translation>HAIP 臨床医ワークステーションについて</translation>
    </message>
    <message>
        <source>&lt;h2&gt;HAIP Clinician Workstation&lt;/h2&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;The doctor's desktop client of the Healthcare AI Platform (HAIP): local DICOM viewing and, in later versions, medical-AI services.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Regulatory status:&lt;/b&gt; for research use only. Not approved as a medical device; do not use for primary diagnosis until approval is granted.&lt;/p&gt;&lt;p&gt;Built with Qt %2, DCMTK %3, OpenJPEG %4.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;HAIP 臨床医ワークステーション&lt;/h2&gt;&lt;p&gt;バージョン %1&lt;/p&gt;&lt;p&gt;医療 AI プラットフォーム（HAIP）の医師向けデスクトップクライアントです。DICOM 画像をローカルで表示し、今後のバージョンでは医療 AI サービスを利用できます。&lt;/p&gt;&lt;p&gt;&lt;b&gt;規制上の位置付け:&lt;/b&gt; 研究用途に限ります。医療機器として承認されていません。承認が得られるまで一次診断には使用しないでください。&lt;/p&gt;&lt;p&gt;Qt %2、DCMTK %3、OpenJPEG %4 を使用しています。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>haip::ui::AiWorkflow</name>
    <message>
        <source>AI jobs</source>
        <translation>AI ジョブ</translation>
    </message>
    <message>
        <source>&amp;AI</source>
        <translation>AI(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Analyse with</source>
        <translation>AI で解析(&amp;A)</translation>
    </message>
    <message>
        <source>Catalog refused: %1</source>
        <translation>カタログを拒否しました: %1</translation>
    </message>
    <message>
        <source>No catalog yet: sign in</source>
        <translation>カタログはまだありません: サインインしてください</translation>
    </message>
    <message>
        <source>AI result ready</source>
        <translation>AI の結果が届きました</translation>
    </message>
    <message>
        <source>AI job failed</source>
        <translation>AI ジョブが失敗しました</translation>
    </message>
    <message>
        <source>%1 — %2 series</source>
        <translation>%1 — %2 シリーズ</translation>
    </message>
    <message>
        <source>AI services</source>
        <translation>AI サービス</translation>
    </message>
    <message>
        <source>Analyse with</source>
        <translation>AI で解析</translation>
    </message>
    <message>
        <source>Send the series on screen to an AI service</source>
        <translation>表示中のシリーズを AI サービスに送ります</translation>
    </message>
</context>
<context>
    <name>haip::ui::AnalysisController</name>
    <message>
        <source>The service is not in the verified catalog.</source>
        <translation>このサービスは検証済みのカタログにありません。</translation>
    </message>
    <message>
        <source>Open a series first.</source>
        <translation>先にシリーズを開いてください。</translation>
    </message>
</context>
<context>
    <name>haip::ui::AnnotationPainter</name>
    <message>
        <source>%1 cm</source>
        <translation>%1 cm</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
</context>
<context>
    <name>haip::ui::AnnotationText</name>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>シリーズ %1</translation>
    </message>
    <message>
        <source>Slice %1/%2</source>
        <translation>スライス %1/%2</translation>
    </message>
    <message>
        <source>Position %1 mm</source>
        <translation>位置 %1 mm</translation>
    </message>
    <message>
        <source>Thickness %1 mm</source>
        <translation>スライス厚 %1 mm</translation>
    </message>
    <message>
        <source>Cine %1 fps</source>
        <translation>シネ %1 fps</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>拡大率 %1%</translation>
    </message>
    <message>
        <source>VOI LUT %1</source>
        <translation>VOI LUT %1</translation>
    </message>
    <message>
        <source>W %1  L %2</source>
        <translation>W %1  L %2</translation>
    </message>
    <message>
        <source>Inverted</source>
        <translation>白黒反転</translation>
    </message>
</context>
<context>
    <name>haip::ui::AnonymisedBadge</name>
    <message>
        <source>Anonymised display</source>
        <translation>匿名表示</translation>
    </message>
</context>
<context>
    <name>haip::ui::CatalogDelegate</name>
    <message>
        <source>Approved medical device</source>
        <translation>承認済み医療機器</translation>
    </message>
    <message>
        <source>Research use only</source>
        <translation>研究用途限定</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>バージョン %1</translation>
    </message>
    <message>
        <source>result in %1</source>
        <translation>結果まで %1</translation>
    </message>
    <message>
        <source>✓ accepts the open series</source>
        <translation>✓ 開いているシリーズを受け付けます</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
</context>
<context>
    <name>haip::ui::CatalogModel</name>
    <message numerus="yes">
        <source>about %n s</source>
        <translation>
            <numerusform>約 %n 秒</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n min</source>
        <translation>
            <numerusform>約 %n 分</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n h</source>
        <translation>
            <numerusform>約 %n 時間</numerusform></translation>
    </message>
</context>
<context>
    <name>haip::ui::CatalogPanel</name>
    <message>
        <source>All modalities</source>
        <translation>すべてのモダリティ</translation>
    </message>
    <message>
        <source>All body parts</source>
        <translation>すべての部位</translation>
    </message>
    <message>
        <source>Catalog refused: %1</source>
        <translation>カタログを拒否しました: %1</translation>
    </message>
    <message>
        <source>Offline — showing the catalog of %1</source>
        <translation>オフライン — %1 時点のカタログを表示しています</translation>
    </message>
    <message>
        <source>No series open: open one, or drop it here, to see which services accept it.</source>
        <translation>シリーズが開かれていません: シリーズを開くかここにドロップすると、受け付けるサービスがわかります。</translation>
    </message>
    <message numerus="yes">
        <source>Open series: %1, %n image(s)</source>
        <translation>
            <numerusform>開いているシリーズ: %1、%n 画像</numerusform></translation>
    </message>
    <message>
        <source>, %1 mm slices</source>
        <translation>、スライス厚 %1 mm</translation>
    </message>
    <message>
        <source>Analyse with…</source>
        <translation>AI で解析…</translation>
    </message>
    <message>
        <source>Analyse with %1…</source>
        <translation>%1 で解析…</translation>
    </message>
    <message>
        <source>Open a series first.</source>
        <translation>先にシリーズを開いてください。</translation>
    </message>
    <message>
        <source>Search services, vendors, body parts…</source>
        <translation>サービス・提供元・部位を検索…</translation>
    </message>
    <message>
        <source>Any regulatory status</source>
        <translation>すべての規制区分</translation>
    </message>
</context>
<context>
    <name>haip::ui::ClinicianSession</name>
    <message>
        <source>Lock the Workstation</source>
        <translation>ワークステーションをロック</translation>
    </message>
</context>
<context>
    <name>haip::ui::EmergencyAccessForm</name>
    <message>
        <source>Emergency access is for when your card cannot be used. Ask IT for a one-time emergency code. The session is short, marked on screen and recorded.</source>
        <translation>緊急アクセスは、カードが使えないときのためのものです。情報システム部門から一回限りの緊急コードを受け取ってください。セッションは短時間で、画面に表示され、記録されます。</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>ユーザー ID</translation>
    </message>
    <message>
        <source>One-time password</source>
        <translation>ワンタイムパスワード</translation>
    </message>
    <message>
        <source>Emergency code from IT</source>
        <translation>情報システム部門からの緊急コード</translation>
    </message>
    <message>
        <source>Sign in with emergency access</source>
        <translation>緊急アクセスでサインイン</translation>
    </message>
    <message>
        <source>Back to card sign-in</source>
        <translation>カードでのサインインに戻る</translation>
    </message>
</context>
<context>
    <name>haip::ui::FindingsPanel</name>
    <message>
        <source>Finding</source>
        <translation>所見</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大きさ</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>The findings could not be read: %1</source>
        <translation>所見を読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>No structured findings.</source>
        <translation>構造化された所見はありません。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The report lists no findings.</source>
        <translation>レポートに所見はありません。</translation>
    </message>
    <message>
        <source>The report lists no findings: %1.</source>
        <translation>レポートに所見はありません: %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s). Click one to show it on the images.</source>
        <translation>
            <numerusform>所見 %n 件。クリックすると画像上に表示します。</numerusform></translation>
    </message>
    <message>
        <source>Algorithm: %1</source>
        <translation>アルゴリズム: %1</translation>
    </message>
</context>
<context>
    <name>haip::ui::ImageView</name>
    <message>
        <source>%1  R %2 G %3 B %4</source>
        <translation>%1  R %2 G %3 B %4</translation>
    </message>
    <message>
        <source>%1  index %2</source>
        <translation>%1  インデックス %2</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1  %2 %3</source>
        <translation>%1  %2 %3</translation>
    </message>
    <message>
        <source>No series open</source>
        <translation>シリーズが開かれていません</translation>
    </message>
    <message>
        <source>Loading %1/%2</source>
        <translation>読み込み中 %1/%2</translation>
    </message>
    <message>
        <source>Slice %1 could not be displayed</source>
        <translation>スライス %1 を表示できませんでした</translation>
    </message>
    <message>
        <source>Loading slice %1…</source>
        <translation>スライス %1 を読み込み中…</translation>
    </message>
    <message>
        <source>This series has no images to show</source>
        <translation>このシリーズには表示できる画像がありません</translation>
    </message>
</context>
<context>
    <name>haip::ui::JobsModel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分</numerusform></translation>
    </message>
    <message>
        <source>AI service</source>
        <translation>AI サービス</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>シリーズ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>残り時間</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 (%n images)</source>
        <translation>
            <numerusform>%1 %2（%n 画像）</numerusform></translation>
    </message>
    <message>
        <source>De-identifying and encrypting</source>
        <translation>匿名化と暗号化の処理中</translation>
    </message>
    <message>
        <source>Waiting for the platform</source>
        <translation>プラットフォームの応答待ち</translation>
    </message>
    <message>
        <source>Uploading %1 of %2 MB</source>
        <translation>送信中 %1 / %2 MB</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>解析中</translation>
    </message>
    <message>
        <source>Analysing — %1</source>
        <translation>解析中 — %1</translation>
    </message>
    <message>
        <source>Receiving the result</source>
        <translation>結果を受信中</translation>
    </message>
    <message>
        <source>Result ready</source>
        <translation>結果あり</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
</context>
<context>
    <name>haip::ui::JobsPanel</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Show result</source>
        <translation>結果を表示</translation>
    </message>
    <message>
        <source>Remove this job and its result from this workstation?</source>
        <translation>このジョブとその結果をこのワークステーションから削除しますか？</translation>
    </message>
    <message>
        <source>Remove this job? If it is still running it is cancelled.</source>
        <translation>このジョブを削除しますか？ 実行中の場合はキャンセルされます。</translation>
    </message>
    <message>
        <source>Remove job</source>
        <translation>ジョブの削除</translation>
    </message>
</context>
<context>
    <name>haip::ui::LockScreen</name>
    <message>
        <source>Workstation locked</source>
        <translation>ワークステーションはロックされています</translation>
    </message>
    <message>
        <source>Images and results are hidden. AI jobs continue in the background.</source>
        <translation>画像と結果は非表示になっています。AI ジョブはバックグラウンドで続行します。</translation>
    </message>
    <message>
        <source>Card PIN</source>
        <translation>カードの PIN</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>The card was removed from the reader.</source>
        <translation>カードがリーダーから抜かれました。</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minutes without activity.</source>
        <translation>
            <numerusform>%n 分間操作がなかったためロックしました。</numerusform></translation>
    </message>
    <message>
        <source>Locked by the user.</source>
        <translation>利用者がロックしました。</translation>
    </message>
    <message>
        <source>Enter the PIN of your card to unlock.</source>
        <translation>ロックを解除するにはカードの PIN を入力してください。</translation>
    </message>
    <message>
        <source>Insert your card to unlock.</source>
        <translation>ロックを解除するにはカードを挿入してください。</translation>
    </message>
    <message>
        <source>A PIN has 6 to 8 digits.</source>
        <translation>PIN は 6〜8 桁の数字です。</translation>
    </message>
</context>
<context>
    <name>haip::ui::LoginScreen</name>
    <message>
        <source>Sign in to HAIP</source>
        <translation>HAIP にサインイン</translation>
    </message>
    <message>
        <source>6–8 digits</source>
        <translation>6〜8 桁</translation>
    </message>
    <message>
        <source>Card PIN</source>
        <translation>カードの PIN</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 桁</translation>
    </message>
    <message>
        <source>One-time password from your authenticator</source>
        <translation>認証アプリのワンタイムパスワード</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The smart-card service is not running. Ask IT to start it.</source>
        <translation>スマートカードサービスが動作していません。情報システム部門に起動を依頼してください。</translation>
    </message>
    <message>
        <source>Connect a smart-card reader.</source>
        <translation>スマートカードリーダーを接続してください。</translation>
    </message>
    <message>
        <source>Insert your HPKI card or staff card into the reader.</source>
        <translation>HPKI カードまたは職員証をリーダーに挿入してください。</translation>
    </message>
    <message>
        <source>Choose the reader with your card…</source>
        <translation>カードが入っているリーダーを選択…</translation>
    </message>
    <message>
        <source>Several readers hold a card.</source>
        <translation>複数のリーダーにカードが入っています。</translation>
    </message>
    <message>
        <source>Reading the card…</source>
        <translation>カードを読み取っています…</translation>
    </message>
    <message numerus="yes">
        <source>%n tries left before the card is blocked.</source>
        <translation>
            <numerusform>カードがロックされるまで、あと %n 回入力できます。</numerusform></translation>
    </message>
    <message>
        <source>Last try before the card is blocked.</source>
        <translation>次に誤るとカードがロックされます。</translation>
    </message>
    <message>
        <source>A wrong PIN was entered before.</source>
        <translation>以前に誤った PIN が入力されています。</translation>
    </message>
    <message>
        <source>Card in %1</source>
        <translation>カード: %1</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>PIN を確認しています…</translation>
    </message>
    <message>
        <source>The card is proving who you are to the HAIP platform…</source>
        <translation>カードで HAIP プラットフォームに本人確認をしています…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Enter the code your authenticator shows now.</source>
        <translation>認証アプリに現在表示されているコードを入力してください。</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>コードを確認しています…</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>サインインしました。</translation>
    </message>
    <message>
        <source>This card is blocked after too many wrong PINs. Ask IT to unblock it with its PUK.</source>
        <translation>PIN の誤入力が多すぎたため、このカードはロックされています。情報システム部門に PUK によるロック解除を依頼してください。</translation>
    </message>
    <message>
        <source>A PIN has 6 to 8 digits.</source>
        <translation>PIN は 6〜8 桁の数字です。</translation>
    </message>
    <message>
        <source>The code has 6 digits.</source>
        <translation>コードは 6 桁です。</translation>
    </message>
    <message numerus="yes">
        <source>The code changes in %n s</source>
        <translation>
            <numerusform>コードの切り替わりまで %n 秒</numerusform></translation>
    </message>
    <message>
        <source>Card cannot be used? Emergency access</source>
        <translation>カードが使えない場合（緊急アクセス）</translation>
    </message>
</context>
<context>
    <name>haip::ui::MainWindow</name>
    <message>
        <source>Reading files…</source>
        <translation>ファイルを読み込み中…</translation>
    </message>
    <message>
        <source>Loading images…</source>
        <translation>画像を読み込み中…</translation>
    </message>
    <message>
        <source>Loading cancelled: %1 of %2 images.</source>
        <translation>読み込みを中止しました: %2 枚中 %1 枚。</translation>
    </message>
    <message>
        <source>%1 images loaded, %2 failed (see Problems).</source>
        <translation>%1 枚の画像を読み込みました。%2 枚は失敗しました（問題パネルを参照）。</translation>
    </message>
    <message>
        <source>%1 images loaded.</source>
        <translation>%1 枚の画像を読み込みました。</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>検査</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Study &amp;Browser</source>
        <translation>検査ブラウザー(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>問題(&amp;P)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>Show the Problems panel</source>
        <translation>問題パネルを表示</translation>
    </message>
    <message>
        <source>Index: %1</source>
        <translation>インデックス: %1</translation>
    </message>
    <message>
        <source>Research use only</source>
        <translation>研究用途限定</translation>
    </message>
    <message>
        <source>Not approved as a medical device; not for primary diagnosis.</source>
        <translation>医療機器として未承認です。一次診断には使用できません。</translation>
    </message>
    <message>
        <source>cannot create the index folder</source>
        <translation>インデックスのフォルダーを作成できません</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message>
        <source>Opening cancelled: %1 images read.</source>
        <translation>読み込みを中止しました: %1 枚の画像を読み込み済み。</translation>
    </message>
    <message>
        <source>%1 images in %2 series read.</source>
        <translation>%2 シリーズ、%1 枚の画像を読み込みました。</translation>
    </message>
    <message>
        <source>%1 file(s) could not be read (see Problems).</source>
        <translation>%1 個のファイルを読み込めませんでした（問題パネルを参照）。</translation>
    </message>
    <message>
        <source>%1 problem(s)</source>
        <translation>問題 %1 件</translation>
    </message>
    <message>
        <source>HAIP Clinician Workstation</source>
        <translation>HAIP 臨床医ワークステーション</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>サインイン中: %1</translation>
    </message>
    <message>
        <source>EMERGENCY ACCESS: %1 (until %2)</source>
        <translation>緊急アクセス中: %1（%2 まで）</translation>
    </message>
</context>
<context>
    <name>haip::ui::MeasurementPainter</name>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
    <message>
        <source>Mean %1</source>
        <translation>平均 %1</translation>
    </message>
    <message>
        <source>SD %1</source>
        <translation>SD %1</translation>
    </message>
    <message>
        <source>Min %1  Max %2</source>
        <translation>最小 %1  最大 %2</translation>
    </message>
    <message>
        <source>Area %1 cm²</source>
        <translation>面積 %1 cm²</translation>
    </message>
    <message>
        <source>Area %1 mm²</source>
        <translation>面積 %1 mm²</translation>
    </message>
    <message>
        <source>Area %1 px²</source>
        <translation>面積 %1 px²</translation>
    </message>
</context>
<context>
    <name>haip::ui::OpenDialogs</name>
    <message>
        <source>Open DICOM Files</source>
        <translation>DICOM ファイルを開く</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm *.dicom *.DCM *.ima *.IMA);;All files (*)</source>
        <translation>DICOM ファイル (*.dcm *.dicom *.DCM *.ima *.IMA);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <source>Open DICOMDIR</source>
        <translation>DICOMDIR を開く</translation>
    </message>
    <message>
        <source>DICOMDIR (DICOMDIR dicomdir DICOMDIR.*);;All files (*)</source>
        <translation>DICOMDIR (DICOMDIR dicomdir DICOMDIR.*);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>haip::ui::PresentationStateActions</name>
    <message>
        <source>Show Presentation Graphics</source>
        <translation>プレゼンテーション図形を表示</translation>
    </message>
    <message>
        <source>Show the graphics and text of the presentation state on the images</source>
        <translation>プレゼンテーションステートの図形と文字を画像上に表示します</translation>
    </message>
    <message>
        <source>Graphics Only (Keep My Window/Level)</source>
        <translation>図形のみ（自分のウィンドウ設定を保持）</translation>
    </message>
    <message>
        <source>Draw the presentation state's graphics but keep your own window/level instead of the state's</source>
        <translation>プレゼンテーションステートの図形を描きますが、ウィンドウ幅・レベルはステートのものではなく自分の設定を保ちます</translation>
    </message>
</context>
<context>
    <name>haip::ui::ProblemsPanel</name>
    <message>
        <source>Clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>(general)</source>
        <translation>（全般）</translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>問題はありません。</translation>
    </message>
    <message>
        <source>%1 file(s) could not be opened or shown; everything else was loaded.</source>
        <translation>%1 個のファイルを開けないか表示できませんでした。それ以外はすべて読み込みました。</translation>
    </message>
</context>
<context>
    <name>haip::ui::ProgressStatus</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel loading (Esc)</source>
        <translation>読み込みをキャンセル (Esc)</translation>
    </message>
</context>
<context>
    <name>haip::ui::ResultPresenter</name>
    <message>
        <source>AI result</source>
        <translation>AI の結果</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>PDF に書き出し…</translation>
    </message>
    <message>
        <source>AI report</source>
        <translation>AI レポート</translation>
    </message>
    <message>
        <source>The report could not be exported.</source>
        <translation>レポートを書き出せませんでした。</translation>
    </message>
    <message>
        <source>Export report as PDF</source>
        <translation>レポートを PDF に書き出し</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>haip::ui::SegmentOverlay</name>
    <message>
        <source>Probability</source>
        <translation>確率</translation>
    </message>
    <message>
        <source>0 %</source>
        <translation>0 %</translation>
    </message>
    <message>
        <source>50 %</source>
        <translation>50 %</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>占有率</translation>
    </message>
</context>
<context>
    <name>haip::ui::SegmentPanel</name>
    <message>
        <source>Segment</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>体積</translation>
    </message>
    <message>
        <source>Opacity of the filled segments</source>
        <translation>塗りつぶしの不透明度</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>塗りつぶし</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>輪郭</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>No segmentation shown.</source>
        <translation>セグメンテーションは表示されていません。</translation>
    </message>
    <message>
        <source>Binary segmentation</source>
        <translation>二値セグメンテーション</translation>
    </message>
    <message>
        <source>Probability map (heat map)</source>
        <translation>確率マップ（ヒートマップ）</translation>
    </message>
    <message>
        <source>Occupancy map (heat map)</source>
        <translation>占有率マップ（ヒートマップ）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>セグメント %1</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>カテゴリ: %1</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>種類: %1</translation>
    </message>
    <message>
        <source>Algorithm: %1 (%2)</source>
        <translation>アルゴリズム: %1（%2）</translation>
    </message>
    <message>
        <source>%1 mL</source>
        <translation>%1 mL</translation>
    </message>
    <message>
        <source>%1 voxels on %2 slices</source>
        <translation>%2 スライスに %1 ボクセル</translation>
    </message>
</context>
<context>
    <name>haip::ui::SendConfirmation</name>
    <message>
        <source>JPEG-LS lossless</source>
        <translation>JPEG-LS 可逆圧縮</translation>
    </message>
    <message>
        <source>deflate (lossless)</source>
        <translation>deflate（可逆圧縮）</translation>
    </message>
    <message>
        <source>uncompressed</source>
        <translation>非圧縮</translation>
    </message>
    <message>
        <source>Approved medical device (PMDA)</source>
        <translation>承認済み医療機器（PMDA）</translation>
    </message>
    <message>
        <source>Research use only</source>
        <translation>研究用途限定</translation>
    </message>
    <message>
        <source>Send to AI service</source>
        <translation>AI サービスへ送信</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>サービス:</translation>
    </message>
    <message>
        <source>Vendor:</source>
        <translation>提供元:</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1、バージョン %2</translation>
    </message>
    <message>
        <source>Regulatory status:</source>
        <translation>規制上の位置づけ:</translation>
    </message>
    <message>
        <source>Expected time:</source>
        <translation>所要時間の目安:</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>約 %n 分</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>What leaves this workstation: a de-identified copy of %n image(s) of %1, %2 MB before compression, compressed as %3.</source>
        <translation>
            <numerusform>このワークステーションから送信されるもの: %1 の画像 %n 枚の匿名化コピー（圧縮前 %2 MB、%3 で圧縮）。</numerusform></translation>
    </message>
    <message>
        <source>De-identification (DICOM PS3.15 Basic Profile): the patient's name and ID are replaced by a pseudonym, %1 attributes removed, %2 emptied or replaced, private attributes removed, every UID replaced. The originals stay on this workstation.</source>
        <translation>匿名化（DICOM PS3.15 基本プロファイル）: 患者氏名と ID は仮名に置き換え、%1 個の属性を削除、%2 個を空値化または置換、プライベート属性を削除、すべての UID を置換します。元の値はこのワークステーションから出ません。</translation>
    </message>
    <message>
        <source>End-to-end encrypted to the service's own key (HPKE, key %1): the platform forwards it but cannot read it.</source>
        <translation>サービス自身の鍵（HPKE、鍵 %1）でエンドツーエンド暗号化されます。プラットフォームは中継しますが内容を読むことはできません。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
</context>
<context>
    <name>haip::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Dark (reading room)</source>
        <translation>ダーク（読影室向け）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>A new language applies when the workstation is started again.</source>
        <translation>言語の変更は次回の起動時に反映されます。</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>テーマ(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>IT policy</source>
        <translation>IT ポリシー</translation>
    </message>
    <message>
        <source>You</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>既定値</translation>
    </message>
    <message>
        <source>Set by your IT department's policy</source>
        <translation>院内 IT 部門のポリシーで設定されています</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>設定元</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(未設定)</translation>
    </message>
    <message>
        <source>Locked: set by your IT department's policy</source>
        <translation>ロック: 院内 IT 部門のポリシーで設定されています</translation>
    </message>
    <message>
        <source>Workstation settings (values set by IT policy are locked):</source>
        <translation>ワークステーションの設定 (IT ポリシーで設定された値は変更できません):</translation>
    </message>
    <message>
        <source>Policy problems: %1</source>
        <translation>ポリシーの問題: %1</translation>
    </message>
</context>
<context>
    <name>haip::ui::ShellActions</name>
    <message>
        <source>Open &amp;Files…</source>
        <translation>ファイルを開く(&amp;F)…</translation>
    </message>
    <message>
        <source>Open DICOM files</source>
        <translation>DICOM ファイルを開く</translation>
    </message>
    <message>
        <source>Open F&amp;older…</source>
        <translation>フォルダーを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a folder and everything below it</source>
        <translation>フォルダーとその配下をすべて開く</translation>
    </message>
    <message>
        <source>Open &amp;DICOMDIR / CD…</source>
        <translation>DICOMDIR / CD を開く(&amp;D)…</translation>
    </message>
    <message>
        <source>Open a DICOMDIR, e.g. from a hospital CD or DVD</source>
        <translation>DICOMDIR を開く（病院から受け取った CD・DVD など）</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全画面表示(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find Study…</source>
        <translation>検査を検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Search the study browser</source>
        <translation>検査ブラウザーを検索</translation>
    </message>
    <message>
        <source>&amp;About HAIP Clinician Workstation</source>
        <translation>HAIP 臨床医ワークステーションについて(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Anonymised Display</source>
        <translation>匿名表示(&amp;A)</translation>
    </message>
    <message>
        <source>Hide the patient's name, ID and birth date on screen, for screenshots and teaching (the files are not changed)</source>
        <translation>画面上の患者氏名・ID・生年月日を隠します（スクリーンショットや教育用。ファイルは変更しません）</translation>
    </message>
</context>
<context>
    <name>haip::ui::StudyBrowser</name>
    <message>
        <source>Search name, ID, description, modality…</source>
        <translation>氏名・ID・説明・モダリティで検索…</translation>
    </message>
    <message>
        <source>No studies yet.

Open files, a folder or a DICOMDIR from the File menu, or drop them onto this window.</source>
        <translation>まだ検査がありません。

「ファイル」メニューからファイル、フォルダー、DICOMDIR を開くか、このウィンドウにドロップしてください。</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>シリーズ</translation>
    </message>
    <message>
        <source>Recent studies</source>
        <translation>最近の検査</translation>
    </message>
    <message>
        <source>No study matches “%1”.</source>
        <translation>「%1」に一致する検査はありません。</translation>
    </message>
    <message>
        <source>Series of %1</source>
        <translation>%1 のシリーズ</translation>
    </message>
    <message>
        <source>%1
%2
Last opened %3</source>
        <translation>%1
%2
最終表示 %3</translation>
    </message>
</context>
<context>
    <name>haip::ui::StudyBrowserModel</name>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Patient name, study or series description</source>
        <translation>患者氏名、検査またはシリーズの説明</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Patient ID, accession number or series number</source>
        <translation>患者 ID、受付番号またはシリーズ番号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Birth date or study date</source>
        <translation>生年月日または検査日</translation>
    </message>
    <message>
        <source>Mod.</source>
        <comment>modality, abbreviated column title</comment>
        <translation>モダ</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>モダリティ</translation>
    </message>
    <message>
        <source>Ser.</source>
        <comment>number of series, abbreviated column title</comment>
        <translation>Se</translation>
    </message>
    <message>
        <source>Number of series</source>
        <translation>シリーズ数</translation>
    </message>
    <message>
        <source>Img.</source>
        <comment>number of images, abbreviated column title</comment>
        <translation>Im</translation>
    </message>
    <message>
        <source>Number of images (instances)</source>
        <translation>画像数（インスタンス数）</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（氏名なし）</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>（説明なし）</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>シリーズ %1</translation>
    </message>
    <message>
        <source>%1
ID: %2
Birth date: %3
Sex: %4</source>
        <translation>%1
ID: %2
生年月日: %3
性別: %4</translation>
    </message>
    <message>
        <source>%1
%2 %3
Accession: %4
%5 series, %6 images</source>
        <translation>%1
%2 %3
受付番号: %4
%5 シリーズ、%6 画像</translation>
    </message>
    <message>
        <source>Series %1 (%2): %3 images, %4 frames</source>
        <translation>シリーズ %1（%2）: %3 画像、%4 フレーム</translation>
    </message>
    <message>
        <source>Series %1 (%2): %3 images</source>
        <translation>シリーズ %1（%2）: %3 画像</translation>
    </message>
    <message>
        <source>Patient %1</source>
        <comment>anonymised display: a patient's stand-in name</comment>
        <translation>患者 %1</translation>
    </message>
    <message>
        <source>%1
Sex: %2
Name, ID and birth date hidden (anonymised display)</source>
        <translation>%1
性別: %2
氏名・ID・生年月日は非表示（匿名表示）</translation>
    </message>
    <message>
        <source>%1
%2 %3
%4 series, %5 images</source>
        <translation>%1
%2 %3
%4 シリーズ、%5 画像</translation>
    </message>
    <message numerus="yes">
        <source>%n AI result(s)</source>
        <translation>
            <numerusform>AI の結果 %n 件</numerusform></translation>
    </message>
</context>
<context>
    <name>haip::ui::ViewerActions</name>
    <message>
        <source>Window/Level</source>
        <translation>ウィンドウ/レベル</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>拡大縮小</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>距離計測</translation>
    </message>
    <message>
        <source>Ellipse ROI</source>
        <translation>楕円 ROI</translation>
    </message>
    <message>
        <source>Fit to Window</source>
        <translation>ウィンドウに合わせる</translation>
    </message>
    <message>
        <source>Actual Pixels (1:1)</source>
        <translation>等倍表示 (1:1)</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Show Annotations</source>
        <translation>注釈を表示</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>白黒反転</translation>
    </message>
    <message>
        <source>Rotate Left</source>
        <translation>左に回転</translation>
    </message>
    <message>
        <source>Rotate Right</source>
        <translation>右に回転</translation>
    </message>
    <message>
        <source>Flip Horizontal</source>
        <translation>左右反転</translation>
    </message>
    <message>
        <source>Flip Vertical</source>
        <translation>上下反転</translation>
    </message>
    <message>
        <source>Reset View</source>
        <translation>表示をリセット</translation>
    </message>
    <message>
        <source>Play Cine</source>
        <translation>シネ再生</translation>
    </message>
    <message>
        <source>Cine Slower</source>
        <translation>シネを遅く</translation>
    </message>
    <message>
        <source>Cine Faster</source>
        <translation>シネを速く</translation>
    </message>
    <message>
        <source>Delete Measurement</source>
        <translation>計測を削除</translation>
    </message>
    <message>
        <source>Window Presets</source>
        <translation>ウィンドウ条件プリセット</translation>
    </message>
    <message>
        <source>File Default</source>
        <translation>ファイルの既定値</translation>
    </message>
    <message>
        <source>Pause Cine</source>
        <translation>シネ一時停止</translation>
    </message>
</context>
<context>
    <name>haip::ui::WelcomePage</name>
    <message>
        <source>HAIP Clinician Workstation</source>
        <translation>HAIP 臨床医ワークステーション</translation>
    </message>
    <message>
        <source>Open DICOM files, a folder or a CD (DICOMDIR) from the File menu,
drop them onto this window, or double-click a series in the study browser.</source>
        <translation>「ファイル」メニューから DICOM ファイル、フォルダー、CD（DICOMDIR）を開くか、
このウィンドウにドロップするか、検査ブラウザーのシリーズをダブルクリックしてください。</translation>
    </message>
</context>
<context>
    <name>haip::vcard::VpcdLink</name>
    <message>
        <source>the vpcd reader driver closed the connection (did pcscd stop?)</source>
        <translation>vpcd リーダードライバーが接続を閉じました（pcscd が停止しましたか？）</translation>
    </message>
    <message>
        <source>cannot reach the vpcd reader driver at %1:%2: %3</source>
        <translation>%1:%2 の vpcd リーダードライバーに接続できません: %3</translation>
    </message>
</context>
<context>
    <name>haip::workflow::JobQueue</name>
    <message>
        <source>The service is not in the verified catalog.</source>
        <translation>このサービスは検証済みのカタログにありません。</translation>
    </message>
    <message>
        <source>The series has no images to send.</source>
        <translation>このシリーズには送信できる画像がありません。</translation>
    </message>
</context>
<context>
    <name>haip::workflow::JobRunner</name>
    <message>
        <source>The service is not in the verified catalog.</source>
        <translation>このサービスは検証済みのカタログにありません。</translation>
    </message>
    <message>
        <source>The service could not analyse the series.</source>
        <translation>サービスはこのシリーズを解析できませんでした。</translation>
    </message>
    <message>
        <source>The platform no longer has the result.</source>
        <translation>プラットフォームにはもう結果がありません。</translation>
    </message>
    <message>
        <source>The sealed series is no longer on this computer. Retry to prepare it again.</source>
        <translation>暗号化済みのシリーズがこのコンピューターにありません。再試行すると改めて準備します。</translation>
    </message>
</context>
</TS>