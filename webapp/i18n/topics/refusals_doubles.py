"""What the services say about doubles, reference checks and voice samples, in 简体中文, Bahasa
Indonesia and Català.

The English of each sentence is written where it is said (``core.sentences.sentence``); these are
its translations, by the same key and with the same {placeholders}. The live check's and the voice
notices' sentences are the consent wording's own (``core/consent_wording/``), so they are
translated once, there.
"""

from core.consent_wording import WORDINGS, ConsentLanguage

# Sentences of the consent wording that the reference check and the live check say as sentences.
_FROM_CONSENT_WORDING = {
    "challenge.no_sound": "challenge_no_sound",
    "challenge.no_face": "challenge_no_face",
    "challenge.face_mismatch": "challenge_face_mismatch",
    "challenge.voice_mismatch": "challenge_voice_mismatch",
    "reference.no_voice_notice": "no_voice_notice",
    "reference.voice_shift_notice": "voice_shift_notice",
}


def _wording(language: ConsentLanguage) -> dict[str, str]:
    return {key: WORDINGS[language][name] for key, name in _FROM_CONSENT_WORDING.items()}


TRANSLATIONS: dict[str, dict[str, str]] = {
    "zh-CN": {
        **_wording("zh-CN"),
        # --- registering and managing a double (webapp.doubles.service)
        "double.unknown_code_language": "未知的验证码语言：{language!r}。请从列表中选择一种。",
        "double.handle_taken_pick_another": "账号名 @{handle} 已被占用，请换一个。",
        "double.handle_just_taken": "账号名 @{handle} 刚刚被占用，请换一个。",
        "double.handle_taken": "账号名 @{handle} 已被占用。",
        "double.not_saved_storage": (
            "你的分身没有保存。{error}每个验证码只能用一次：请获取新的验证码并重新录制。"
        ),
        "double.live_check_failed": "{problems}请获取新的验证码再试一次。",
        "double.one_after_another": "{first}{rest}",
        "double.progress_checking_recording": "正在检查你的实时录像",
        "double.progress_tuning_voice": "正在调整分身的声音",
        "double.not_found": "这个分身不存在，或者不属于你。",
        "double.unknown_visibility": "未知的可见范围 {visibility!r}。",
        # --- the reference check (core.reference)
        "reference.nothing_uploaded": "请上传或录制一段简短的参考视频，或添加 1–4 张照片。",
        "reference.too_many_photos": "最多添加 {count} 张照片。",
        "reference.progress_face_model": "正在加载人脸模型…",
        "reference.progress_person_model": "正在加载人像抠图模型…",
        "reference.progress_pose_model": "正在加载身体姿态模型…",
        "reference.progress_voice_model": "正在加载声音模型…",
        "reference.progress_reading": "正在读取你的媒体文件",
        "reference.progress_finding_subject": "正在 {count} 帧中寻找主体",
        "reference.progress_sprite": "正在制作你的动态形象",
        "reference.progress_voice": "正在识别你的声音",
        "reference.progress_done": "完成",
        "reference.progress_checking_faces": "正在检查 {count} 帧中是否有一张清晰的脸",
        "reference.progress_cutting_out": "正在从 {count} 帧中抠出你的形象",
        "reference.subject_found": "已找到主体（占画面的 {coverage:.0%}）。",
        "reference.voice_found": "已找到声音：{seconds:.1f} 秒的语音。{notice}",
        "reference.video_hint": "mp4、webm 或 mov 格式的视频",
        "reference.audio_hint": "wav、mp3、m4a 或 webm 格式的录音",
        "reference.photo_hint": "JPEG、PNG 或 WebP 格式的照片",
        "reference.thing_video": "视频",
        "reference.thing_voice_clip": "声音片段",
        "reference.thing_photo": "照片",
        "reference.empty_file": "这个{what}是空的（0 字节）。请重新选择文件。",
        "reference.file_too_large": (
            "这个{what}有 {size:.1f} MB，上限是 {limit:.0f} MB。请上传更短或更小的文件。"
        ),
        "reference.text_not_media": (
            "{name} 是一个文本文件，不是{what}（不管文件名怎么写）。请上传{hint}。"
        ),
        "reference.gif_not_video": "{name} 是 GIF 动图。请上传{hint}，或者改用一张静态照片。",
        "reference.gif_not_audio": "{name} 是 GIF 动图。请上传{hint}。",
        "reference.photo_not_video": (
            "{name} 是照片，不是{what}。请把它添加到照片中，或上传{hint}。"
        ),
        "reference.photo_not_audio": "{name} 是照片，不是{what}。请上传{hint}。",
        "reference.file_missing": "找不到{what} {name}，请重新上传。",
        "reference.damaged_cannot_open": (
            "{what} {name} 已损坏或不完整，无法打开（{details}）。请重新上传或重新导出。"
        ),
        "reference.unreadable": "{name} 不是我们能读取的{what}文件。请上传{hint}。",
        "reference.sound_not_decoded": "{name} 中的声音无法解码（{details}）。请重新上传文件。",
        "reference.sound_no_picture": (
            "{name} 只有声音，没有画面。请上传拍摄主体的{hint}；声音片段可以在“声音”处单独添加。"
        ),
        "reference.no_video": "{name} 没有视频画面。请上传{hint}。",
        "reference.unsupported_container": "{name} 是 {container} 文件。请上传{hint}。",
        "reference.no_length": "{name} 无法读取时长或画面尺寸，可能已损坏。请重新导出或重新录制。",
        "reference.video_too_short": (
            "视频长 {seconds:.1f} 秒，至少需要 {minimum:g} 秒（2–5 秒效果最好）。"
        ),
        "reference.video_too_long": (
            "视频长 {seconds:.0f} 秒，上限是 {limit:g} 秒。请剪短一些（2–5 秒效果最好）。"
        ),
        "reference.video_resolution": (
            "视频分辨率为 {width}×{height}，上限是 {megapixels:.1f} 百万像素"
            "（例如 1920×1080）。请以 1080p 或更低的分辨率录制或导出。"
        ),
        "reference.video_truncated": (
            "{name} 已损坏或不完整：{seconds:.1f} 秒中只有 {decoded:.1f} 秒能解码。"
            "请上传完整的文件。"
        ),
        "reference.no_sound": "{name} 没有声音。请上传一段你的声音录音。",
        "reference.audio_too_long": (
            "声音片段长 {seconds:.0f} 秒，上限是 {limit:g} 秒。请剪短一些（10–20 秒的说话声就足够"
            "了）。"
        ),
        "reference.no_decodable_sound": "{name} 中没有可解码的声音。请重新录制。",
        "reference.photo_count": "你选择了 {count} 张照片，上限是 {limit} 张。请保留最好的几张。",
        "reference.gif_photo": (
            "不支持 GIF 图片。请上传{hint}；如需动态效果，请上传 mp4、webm 或 mov 视频。"
        ),
        "reference.video_not_photo": "这是视频，不是照片。请把它作为参考视频添加，或上传{hint}。",
        "reference.not_a_photo": "这个文件不是照片。请上传{hint}。",
        "reference.photo_format": "这张照片是 {format} 格式。请上传{hint}。",
        "reference.photo_resolution": (
            "照片尺寸为 {width}×{height}（{megapixels:.0f} 百万像素），"
            "上限是 {limit:.0f} 百万像素。请上传更小的照片。"
        ),
        "reference.photo_damaged": "照片已损坏或不完整（{details}）。请重新上传。",
        "reference.subject_too_small": (
            "没有找到主体：它只占画面的 {coverage:.1%}。"
            "请靠近一些拍摄主体，让它位于画面中央，背景要简洁。"
        ),
        "reference.subject_not_apart": (
            "无法把主体和背景区分开（画面中 {coverage:.0%} 看起来都像主体）。"
            "请在颜色与主体不同的简洁背景前拍摄，并在主体周围留出一些空间。"
        ),
        "reference.sprite_empty": (
            "没有任何一帧中找到主体，所以没有可以抠出的内容。请重新录制参考视频，让主体清楚地出现"
            "在画面中。"
        ),
        # --- faces in the reference (core.identity)
        "identity.face_size_ok": "人脸宽 {size} 像素（最少 {minimum} 像素）。",
        "identity.face_too_small": (
            "人脸只有 {size} 像素宽，至少需要 {minimum} 像素。请靠近镜头，或使用分辨率更高的视频。"
        ),
        "identity.face_sharp": "人脸清晰（{sharpness:.0f}，最低 {minimum:.0f}）。",
        "identity.face_blurry": (
            "人脸模糊（清晰度 {sharpness:.0f}，至少需要 {minimum:.0f}）。请拿稳相机、擦干净镜头，"
            "并增加光线。"
        ),
        "identity.face_frontal": "人脸正对镜头（正脸分数 {score:.2f}）。",
        "identity.face_turned": (
            "人脸侧向一边（正脸分数 {score:.2f}，至少需要 {minimum:.2f}）。请直视镜头。"
        ),
        "identity.face_lit": "人脸光线良好（亮度 {brightness:.0f}/255）。",
        "identity.face_too_dark": "人脸太暗（亮度 {brightness:.0f}/255）。请面向窗户或灯光。",
        "identity.face_overexposed": "人脸曝光过度（亮度 {brightness:.0f}/255）。请避开直射光。",
        "identity.one_clear_face": "{where}有一张清晰的人脸。",
        "identity.several_faces": "{where}出现了几张大小相近的人脸。画面中只能有正在注册的本人。",
        "identity.no_face": (
            "{where}没有找到人脸。请在光线充足的地方直视镜头，让你的脸占画面的很大一部分。"
        ),
        "identity.in_the_picture": "画面中",
        "identity.in_frames": "{total} 帧中有 {count} 帧",
        "identity.frames_good_enough": (
            "{problem}（{total} 帧中有 {good} 帧合格，需要 {needed} 帧。）"
        ),
        "identity.different_people": (
            "这些画面中是不同的人：第 {numbers} 帧与第 {best} 帧不是同一个人。画面中只能有正在注册"
            "的本人。"
        ),
        "identity.same_person": "检查的 {count} 帧中都是同一个人。",
        "identity.one_usable_frame": "只有一帧可用，所以没有可以比较的画面。",
        # --- the live check (core.reference.challenge, core.voice.spoken_code)
        "challenge.recording_unusable": "实时录像无法使用：{reason}",
        "challenge.read_in_english": (
            "目前用其他语言读出的验证码不如英语识别得准确：如果再次失败，请选择英语并用英语读出数"
            "字。"
        ),
        "challenge.digits_not_heard": (
            "我们没有听到数字。请检查麦克风，然后大声读出验证码，一次读一个数字。"
        ),
        "challenge.code_confirmed": "验证码已确认。",
        "challenge.wrong_digit_count": (
            "我们听到了 {count} 个数字（{heard}），但验证码有 {length} 位。请一次一个数字地重新读"
            "一遍。"
        ),
        "challenge.code_mismatch": (
            "我们听到的是 {heard}，与屏幕上的验证码不符。请慢慢地、清楚地再读一遍。"
        ),
        # --- the built-in voice (core.voice.speech)
        "voice.line_too_long": (
            "这句台词有 {length} 个字符，上限是 {limit} 个。请拆成几句短一点的台词。"
        ),
        "voice.nothing_to_say": "没有可以说的内容：这句台词里没有文字或数字。",
        "voice.english_only": (
            "内置声音只会说英语，无法读出 {sample!r}（{script} 文字）。请用英语写这句台词，或者把"
            "它保留为没有配音的字幕。"
        ),
    },
    "id": {
        **_wording("id"),
        "double.unknown_code_language": (
            "Bahasa kode tidak dikenal: {language!r}. Pilih salah satu dari daftar."
        ),
        "double.handle_taken_pick_another": (
            "Handle @{handle} sudah dipakai. Silakan pilih yang lain."
        ),
        "double.handle_just_taken": (
            "Handle @{handle} baru saja dipakai orang lain. Silakan pilih yang lain."
        ),
        "double.handle_taken": "Handle @{handle} sudah dipakai.",
        "double.not_saved_storage": (
            "Kembaran Anda tidak tersimpan. {error} Setiap kode hanya berlaku sekali: minta kode "
            "baru dan rekam lagi."
        ),
        "double.live_check_failed": "{problems} Minta kode baru dan coba lagi.",
        "double.one_after_another": "{first} {rest}",
        "double.progress_checking_recording": "Memeriksa rekaman langsung Anda",
        "double.progress_tuning_voice": "Menyetel suara kembaran Anda",
        "double.not_found": "Kembaran itu tidak ada atau bukan milik Anda.",
        "double.unknown_visibility": "Visibilitas tidak dikenal {visibility!r}.",
        "reference.nothing_uploaded": (
            "Unggah atau rekam video referensi singkat, atau tambahkan 1–4 foto."
        ),
        "reference.too_many_photos": "Tambahkan paling banyak {count} foto.",
        "reference.progress_face_model": "Memuat model wajah…",
        "reference.progress_person_model": "Memuat model pemotong sosok…",
        "reference.progress_pose_model": "Memuat model pose tubuh…",
        "reference.progress_voice_model": "Memuat model suara…",
        "reference.progress_reading": "Membaca media Anda",
        "reference.progress_finding_subject": "Mencari subjek di {count} bingkai",
        "reference.progress_sprite": "Membuat sprite hidup Anda",
        "reference.progress_voice": "Mendengarkan suara Anda",
        "reference.progress_done": "Selesai",
        "reference.progress_checking_faces": (
            "Memeriksa {count} bingkai untuk satu wajah yang jelas"
        ),
        "reference.progress_cutting_out": "Memotong sosok Anda dari {count} bingkai",
        "reference.subject_found": "Subjek ditemukan ({coverage:.0%} dari gambar).",
        "reference.voice_found": "Suara ditemukan: {seconds:.1f} detik ucapan. {notice}",
        "reference.video_hint": "video mp4, webm, atau mov",
        "reference.audio_hint": "rekaman wav, mp3, m4a, atau webm",
        "reference.photo_hint": "foto JPEG, PNG, atau WebP",
        "reference.thing_video": "video",
        "reference.thing_voice_clip": "klip suara",
        "reference.thing_photo": "foto",
        "reference.empty_file": "File {what} kosong (0 byte). Silakan pilih file itu lagi.",
        "reference.file_too_large": (
            "File {what} berukuran {size:.1f} MB; batasnya {limit:.0f} MB. Silakan unggah file "
            "yang lebih pendek atau lebih kecil."
        ),
        "reference.text_not_media": (
            "{name} adalah file teks, bukan {what} (apa pun kata namanya). Silakan unggah {hint}."
        ),
        "reference.gif_not_video": (
            "{name} adalah animasi GIF. Silakan unggah {hint}, atau foto diam saja."
        ),
        "reference.gif_not_audio": "{name} adalah animasi GIF. Silakan unggah {hint}.",
        "reference.photo_not_video": (
            "{name} adalah foto, bukan {what}. Tambahkan di bagian foto, atau unggah {hint}."
        ),
        "reference.photo_not_audio": "{name} adalah foto, bukan {what}. Silakan unggah {hint}.",
        "reference.file_missing": "File {what} {name} tidak ditemukan; silakan unggah lagi.",
        "reference.damaged_cannot_open": (
            "File {what} {name} rusak atau tidak lengkap dan tidak bisa dibuka ({details}). "
            "Silakan unggah lagi atau ekspor ulang."
        ),
        "reference.unreadable": (
            "{name} bukan file {what} yang bisa kami baca. Silakan unggah {hint}."
        ),
        "reference.sound_not_decoded": (
            "Suara di {name} tidak bisa didekode ({details}). Silakan unggah file itu lagi."
        ),
        "reference.sound_no_picture": (
            "{name} punya suara tapi tidak ada gambarnya. Silakan unggah {hint} berisi "
            "subjeknya; klip suara terpisah bisa ditambahkan di bagian suara."
        ),
        "reference.no_video": "{name} tidak berisi video. Silakan unggah {hint}.",
        "reference.unsupported_container": "{name} adalah file {container}. Silakan unggah {hint}.",
        "reference.no_length": (
            "Durasi atau ukuran gambar {name} tidak terbaca; mungkin file-nya rusak. Silakan "
            "ekspor atau rekam ulang."
        ),
        "reference.video_too_short": (
            "Panjang video {seconds:.1f} detik; minimal {minimum:g} detik (2–5 detik paling bagus)."
        ),
        "reference.video_too_long": (
            "Panjang video {seconds:.0f} detik; batasnya {limit:g} detik. Silakan potong (2–5 "
            "detik paling bagus)."
        ),
        "reference.video_resolution": (
            "Video berukuran {width}×{height}; batasnya {megapixels:.1f} megapiksel (misalnya "
            "1920×1080). Silakan rekam atau ekspor dengan 1080p atau lebih rendah."
        ),
        "reference.video_truncated": (
            "{name} rusak atau tidak lengkap: hanya {decoded:.1f} detik dari {seconds:.1f} detik "
            "yang bisa didekode. Silakan unggah file yang lengkap."
        ),
        "reference.no_sound": "{name} tidak punya suara. Silakan unggah rekaman suara Anda.",
        "reference.audio_too_long": (
            "Panjang klip suara {seconds:.0f} detik; batasnya {limit:g} detik. Silakan potong "
            "(10–20 detik ucapan sudah cukup)."
        ),
        "reference.no_decodable_sound": (
            "{name} tidak berisi suara yang bisa didekode. Silakan rekam lagi."
        ),
        "reference.photo_count": (
            "Anda memilih {count} foto; batasnya {limit}. Simpan yang terbaik saja."
        ),
        "reference.gif_photo": (
            "Gambar GIF tidak didukung. Silakan unggah {hint}; untuk gerakan, unggah video mp4, "
            "webm, atau mov."
        ),
        "reference.video_not_photo": (
            "Ini video, bukan foto. Tambahkan sebagai video referensi, atau unggah {hint}."
        ),
        "reference.not_a_photo": "File ini bukan foto. Silakan unggah {hint}.",
        "reference.photo_format": "Foto ini berformat {format}. Silakan unggah {hint}.",
        "reference.photo_resolution": (
            "Foto berukuran {width}×{height} ({megapixels:.0f} MP); batasnya {limit:.0f} MP. "
            "Silakan unggah foto yang lebih kecil."
        ),
        "reference.photo_damaged": (
            "Foto rusak atau tidak lengkap ({details}). Silakan unggah lagi."
        ),
        "reference.subject_too_small": (
            "Subjek tidak ditemukan: hanya menutupi {coverage:.1%} dari gambar. Rekam subjek "
            "lebih dekat, di tengah bingkai, dengan latar polos."
        ),
        "reference.subject_not_apart": (
            "Subjek tidak bisa dibedakan dari latarnya ({coverage:.0%} dari gambar tampak "
            "seperti subjek). Rekam dengan latar polos yang warnanya berbeda dari subjek, dengan "
            "sedikit ruang di sekitarnya."
        ),
        "reference.sprite_empty": (
            "Subjek tidak ditemukan di bingkai mana pun, jadi tidak ada yang bisa dipotong. "
            "Silakan rekam ulang referensinya dengan subjek terlihat jelas."
        ),
        "identity.face_size_ok": "Lebar wajah {size} px (minimal {minimum} px).",
        "identity.face_too_small": (
            "Lebar wajah hanya {size} px; minimal {minimum} px. Mendekatlah ke kamera atau pakai "
            "video beresolusi lebih tinggi."
        ),
        "identity.face_sharp": "Wajah tajam ({sharpness:.0f}, minimal {minimum:.0f}).",
        "identity.face_blurry": (
            "Wajah buram (ketajaman {sharpness:.0f}; perlu minimal {minimum:.0f}). Pegang kamera "
            "dengan stabil, bersihkan lensa, dan tambah cahaya."
        ),
        "identity.face_frontal": "Wajah menghadap kamera (skor hadap depan {score:.2f}).",
        "identity.face_turned": (
            "Wajah menoleh ke samping (skor hadap depan {score:.2f}; perlu minimal "
            "{minimum:.2f}). Lihat lurus ke kamera."
        ),
        "identity.face_lit": "Wajah cukup terang (kecerahan {brightness:.0f} dari 255).",
        "identity.face_too_dark": (
            "Wajah terlalu gelap (kecerahan {brightness:.0f} dari 255). Hadaplah ke jendela atau "
            "lampu."
        ),
        "identity.face_overexposed": (
            "Wajah terlalu terang (kecerahan {brightness:.0f} dari 255). Menjauhlah dari cahaya "
            "langsung."
        ),
        "identity.one_clear_face": "Satu wajah yang jelas {where}.",
        "identity.several_faces": (
            "Ada beberapa wajah berukuran mirip {where}. Hanya orang yang mendaftar yang boleh "
            "ada di gambar."
        ),
        "identity.no_face": (
            "Tidak ada wajah yang ditemukan {where}. Lihat lurus ke kamera dengan cahaya yang "
            "baik, dengan wajah Anda mengisi sebagian besar gambar."
        ),
        "identity.in_the_picture": "di gambar",
        "identity.in_frames": "di {count} dari {total} bingkai",
        "identity.frames_good_enough": (
            "{problem} ({good} dari {total} bingkai cukup baik; perlu {needed}.)"
        ),
        "identity.different_people": (
            "Bingkai-bingkainya menunjukkan orang yang berbeda: bingkai {numbers} tidak cocok "
            "dengan bingkai {best}. Hanya orang yang mendaftar yang boleh muncul."
        ),
        "identity.same_person": "Orang yang sama di semua {count} bingkai yang diperiksa.",
        "identity.one_usable_frame": (
            "Hanya satu bingkai yang bisa dipakai, jadi tidak ada pembandingnya."
        ),
        "challenge.recording_unusable": "Rekaman langsung tidak bisa dipakai: {reason}",
        "challenge.read_in_english": (
            "Untuk saat ini, kode yang dibacakan dalam bahasa lain kurang andal terdengar "
            "dibandingkan bahasa Inggris: kalau gagal lagi, pilih bahasa Inggris dan bacakan "
            "angkanya dalam bahasa Inggris."
        ),
        "challenge.digits_not_heard": (
            "Kami tidak bisa mendengar angkanya. Periksa mikrofon Anda, lalu bacakan kodenya "
            "dengan keras, satu angka demi satu angka."
        ),
        "challenge.code_confirmed": "Kode terkonfirmasi.",
        "challenge.wrong_digit_count": (
            "Kami mendengar {count} angka ({heard}), tapi kodenya punya {length}. Silakan "
            "bacakan kodenya lagi, satu angka demi satu angka."
        ),
        "challenge.code_mismatch": (
            "Kami mendengar {heard}, yang tidak cocok dengan kode di layar. Silakan bacakan lagi "
            "dengan pelan dan jelas."
        ),
        "voice.line_too_long": (
            "Baris ini panjangnya {length} karakter; batasnya {limit}. Pecah menjadi baris-baris "
            "yang lebih pendek."
        ),
        "voice.nothing_to_say": (
            "Tidak ada yang bisa diucapkan: baris ini tidak berisi kata atau angka."
        ),
        "voice.english_only": (
            "Suara bawaan hanya bisa berbahasa Inggris dan tidak bisa membaca {sample!r} (aksara "
            "{script}). Tulis baris itu dalam bahasa Inggris, atau biarkan sebagai teks "
            "terjemahan tanpa suara."
        ),
    },
    "ca": {
        **_wording("ca"),
        "double.unknown_code_language": (
            "Idioma desconegut per al codi: {language!r}. Tria'n un de la llista."
        ),
        "double.handle_taken_pick_another": (
            "L'identificador @{handle} ja està agafat. Tria'n un altre."
        ),
        "double.handle_just_taken": (
            "Algú acaba d'agafar l'identificador @{handle}. Tria'n un altre."
        ),
        "double.handle_taken": "L'identificador @{handle} ja està agafat.",
        "double.not_saved_storage": (
            "El teu doble no s'ha desat. {error} Cada codi només serveix una vegada: demana'n un "
            "de nou i torna a enregistrar-lo."
        ),
        "double.live_check_failed": "{problems} Demana un codi nou i torna-ho a provar.",
        "double.one_after_another": "{first} {rest}",
        "double.progress_checking_recording": "S'està comprovant la teva gravació en directe",
        "double.progress_tuning_voice": "S'està ajustant la veu del teu doble",
        "double.not_found": "Aquest doble no existeix o no és teu.",
        "double.unknown_visibility": "Visibilitat desconeguda {visibility!r}.",
        "reference.nothing_uploaded": (
            "Puja o enregistra un vídeo de referència curt, o afegeix d'1 a 4 fotos."
        ),
        "reference.too_many_photos": "Afegeix com a màxim {count} fotos.",
        "reference.progress_face_model": "S'està carregant el model de cares…",
        "reference.progress_person_model": "S'està carregant el model de retallar persones…",
        "reference.progress_pose_model": "S'està carregant el model de postura del cos…",
        "reference.progress_voice_model": "S'està carregant el model de veu…",
        "reference.progress_reading": "S'estan llegint els teus fitxers",
        "reference.progress_finding_subject": "S'està buscant el subjecte en {count} fotogrames",
        "reference.progress_sprite": "S'està creant el teu sprite animat",
        "reference.progress_voice": "S'està escoltant la teva veu",
        "reference.progress_done": "Fet",
        "reference.progress_checking_faces": (
            "S'estan comprovant {count} fotogrames per trobar-hi una cara clara"
        ),
        "reference.progress_cutting_out": "S'està retallant la teva figura de {count} fotogrames",
        "reference.subject_found": "S'ha trobat el subjecte ({coverage:.0%} de la imatge).",
        "reference.voice_found": "S'ha trobat la veu: {seconds:.1f} s de parla. {notice}",
        "reference.video_hint": "un vídeo mp4, webm o mov",
        "reference.audio_hint": "una gravació wav, mp3, m4a o webm",
        "reference.photo_hint": "una foto JPEG, PNG o WebP",
        "reference.thing_video": "vídeo",
        "reference.thing_voice_clip": "clip de veu",
        "reference.thing_photo": "foto",
        "reference.empty_file": "El fitxer ({what}) és buit (0 bytes). Torna a triar-lo.",
        "reference.file_too_large": (
            "El fitxer ({what}) ocupa {size:.1f} MB; el límit és {limit:.0f} MB. Puja un fitxer "
            "més curt o més petit."
        ),
        "reference.text_not_media": (
            "{name} és un fitxer de text, no un {what} (digui el que digui el nom). Puja {hint}."
        ),
        "reference.gif_not_video": "{name} és una animació GIF. Puja {hint}, o bé una foto fixa.",
        "reference.gif_not_audio": "{name} és una animació GIF. Puja {hint}.",
        "reference.photo_not_video": (
            "{name} és una foto, no un {what}. Afegeix-la a les fotos, o puja {hint}."
        ),
        "reference.photo_not_audio": "{name} és una foto, no un {what}. Puja {hint}.",
        "reference.file_missing": "No s'ha trobat el fitxer ({what}) {name}; torna a pujar-lo.",
        "reference.damaged_cannot_open": (
            "El fitxer ({what}) {name} està malmès o incomplet i no es pot obrir ({details}). "
            "Torna a pujar-lo o exporta'l de nou."
        ),
        "reference.unreadable": "{name} no és un fitxer de {what} que puguem llegir. Puja {hint}.",
        "reference.sound_not_decoded": (
            "No s'ha pogut descodificar el so de {name} ({details}). Torna a pujar el fitxer."
        ),
        "reference.sound_no_picture": (
            "{name} té so però no imatge. Puja {hint} del subjecte; un clip de veu a part es pot "
            "afegir a l'apartat de veu."
        ),
        "reference.no_video": "{name} no té vídeo. Puja {hint}.",
        "reference.unsupported_container": "{name} és un fitxer {container}. Puja {hint}.",
        "reference.no_length": (
            "No es pot llegir la durada ni la mida d'imatge de {name}; potser està malmès. Torna "
            "a exportar-lo o a enregistrar-lo."
        ),
        "reference.video_too_short": (
            "El vídeo dura {seconds:.1f} s; ha de durar com a mínim {minimum:g} s (el millor és "
            "de 2 a 5 s)."
        ),
        "reference.video_too_long": (
            "El vídeo dura {seconds:.0f} s; el límit és {limit:g} s. Retalla'l (el millor és de "
            "2 a 5 s)."
        ),
        "reference.video_resolution": (
            "El vídeo fa {width}×{height}; el límit és {megapixels:.1f} megapíxels (p. ex. "
            "1920×1080). Enregistra'l o exporta'l a 1080p o menys."
        ),
        "reference.video_truncated": (
            "{name} està malmès o incomplet: només s'han pogut descodificar {decoded:.1f} s dels "
            "seus {seconds:.1f} s. Puja el fitxer complet."
        ),
        "reference.no_sound": "{name} no té so. Puja una gravació de la teva veu.",
        "reference.audio_too_long": (
            "El clip de veu dura {seconds:.0f} s; el límit és {limit:g} s. Retalla'l (amb 10–20 "
            "s de parla n'hi ha prou)."
        ),
        "reference.no_decodable_sound": (
            "{name} no conté cap so que es pugui descodificar. Torna a enregistrar-lo."
        ),
        "reference.photo_count": (
            "Has triat {count} fotos; el límit és {limit}. Queda't amb les millors."
        ),
        "reference.gif_photo": (
            "Les imatges GIF no s'admeten. Puja {hint}; per al moviment, puja un vídeo mp4, webm "
            "o mov."
        ),
        "reference.video_not_photo": (
            "Això és un vídeo, no una foto. Afegeix-lo com a vídeo de referència, o puja {hint}."
        ),
        "reference.not_a_photo": "Aquest fitxer no és una foto. Puja {hint}.",
        "reference.photo_format": "Aquesta foto està en format {format}. Puja {hint}.",
        "reference.photo_resolution": (
            "La foto fa {width}×{height} ({megapixels:.0f} MP); el límit és {limit:.0f} MP. Puja "
            "una foto més petita."
        ),
        "reference.photo_damaged": (
            "La foto està malmesa o incompleta ({details}). Torna a pujar-la."
        ),
        "reference.subject_too_small": (
            "No s'ha trobat cap subjecte: només ocupa el {coverage:.1%} de la imatge. Filma el "
            "subjecte més a prop, al mig de l'enquadrament, davant d'un fons llis."
        ),
        "reference.subject_not_apart": (
            "No s'ha pogut distingir el subjecte del fons (el {coverage:.0%} de la imatge "
            "semblava el subjecte). Filma'l davant d'un fons llis d'un color diferent, amb una "
            "mica d'espai al voltant."
        ),
        "reference.sprite_empty": (
            "No s'ha trobat el subjecte en cap fotograma, així que no hi ha res a retallar. "
            "Torna a enregistrar la referència amb el subjecte ben visible."
        ),
        "identity.face_size_ok": "La cara fa {size} px d'amplada (mínim {minimum} px).",
        "identity.face_too_small": (
            "La cara només fa {size} px d'amplada; en calen com a mínim {minimum}. Apropa't a la "
            "càmera o fes servir un vídeo de més resolució."
        ),
        "identity.face_sharp": "La cara és nítida ({sharpness:.0f}, mínim {minimum:.0f}).",
        "identity.face_blurry": (
            "La cara està borrosa (nitidesa {sharpness:.0f}; en cal com a mínim {minimum:.0f}). "
            "Aguanta la càmera quieta, neteja la lent i posa-hi més llum."
        ),
        "identity.face_frontal": "La cara mira a la càmera (puntuació frontal {score:.2f}).",
        "identity.face_turned": (
            "La cara està girada de costat (puntuació frontal {score:.2f}; en cal com a mínim "
            "{minimum:.2f}). Mira directament a la càmera."
        ),
        "identity.face_lit": "La cara està ben il·luminada (brillantor {brightness:.0f} de 255).",
        "identity.face_too_dark": (
            "La cara és massa fosca (brillantor {brightness:.0f} de 255). Posa't de cara a una "
            "finestra o a un llum."
        ),
        "identity.face_overexposed": (
            "La cara està sobreexposada (brillantor {brightness:.0f} de 255). Aparta't de la "
            "llum directa."
        ),
        "identity.one_clear_face": "Una cara clara {where}.",
        "identity.several_faces": (
            "Apareixen diverses cares de mida semblant {where}. Només hi pot sortir la persona "
            "que es registra."
        ),
        "identity.no_face": (
            "No s'ha trobat cap cara {where}. Mira directament a la càmera amb bona llum, amb la "
            "cara ocupant bona part de la imatge."
        ),
        "identity.in_the_picture": "a la imatge",
        "identity.in_frames": "en {count} de {total} fotogrames",
        "identity.frames_good_enough": (
            "{problem} ({good} de {total} fotogrames eren prou bons; en calien {needed}.)"
        ),
        "identity.different_people": (
            "Els fotogrames mostren persones diferents: els fotogrames {numbers} no coincideixen "
            "amb el fotograma {best}. Només hi pot sortir la persona que es registra."
        ),
        "identity.same_person": "La mateixa persona en tots els {count} fotogrames comprovats.",
        "identity.one_usable_frame": (
            "Només hi ha un fotograma útil, així que no hi havia res amb què comparar-lo."
        ),
        "challenge.recording_unusable": "La gravació en directe no es pot fer servir: {reason}",
        "challenge.read_in_english": (
            "De moment, els codis llegits en altres idiomes s'entenen amb menys fiabilitat que "
            "en anglès: si torna a fallar, tria l'anglès i llegeix els dígits en anglès."
        ),
        "challenge.digits_not_heard": (
            "No hem pogut sentir els dígits. Comprova el micròfon i llegeix el codi en veu alta, "
            "dígit a dígit."
        ),
        "challenge.code_confirmed": "Codi confirmat.",
        "challenge.wrong_digit_count": (
            "Hem sentit {count} dígits ({heard}), però el codi en té {length}. Torna a llegir el "
            "codi, dígit a dígit."
        ),
        "challenge.code_mismatch": (
            "Hem sentit {heard}, que no coincideix amb el codi de la pantalla. Torna-ho a llegir "
            "a poc a poc i amb claredat."
        ),
        "voice.line_too_long": (
            "La frase té {length} caràcters; el límit és {limit}. Divideix-la en frases més curtes."
        ),
        "voice.nothing_to_say": "No hi ha res a dir: la frase no té paraules ni dígits.",
        "voice.english_only": (
            "La veu integrada només parla anglès i no pot llegir {sample!r} (escriptura "
            "{script}). Escriu la frase en anglès, o deixa-la com a subtítol sense veu."
        ),
    },
}
