"""The My doubles tab's texts written by the server: the quality report's words, the ready
message, a double's title and gallery caption, and the tab's error messages."""

EN: dict[str, str] = {
    # A double in the gallery and above its settings
    "doubles.caption.kind.person": "person",
    "doubles.caption.kind.pet": "pet",
    "doubles.caption.kind.object": "object",
    "doubles.caption.kind.character": "character",
    "doubles.caption.visibility.only_me": "only me",
    "doubles.caption.visibility.approved": "approved",
    "doubles.caption.visibility.friends": "friends",
    "doubles.caption.visibility.everyone": "everyone",
    "doubles.status.active": "active",
    "doubles.status.revoked": "revoked",
    "doubles.status.deleted": "deleted",
    "doubles.has_voice": "has a voice",
    "doubles.no_voice": "no voice (stock voice in clips)",
    "doubles.registered_on": "Registered {date}.",
    "doubles.saved": "Saved.",
    "doubles.restrictions_preview": "**Your restrictions will refuse scripts like these:**",
    "doubles.clip_voice_audio": "Its clip voice: the built-in voice shifted toward this double's",
    "doubles.draft_voice_audio": "Its clip voice: the built-in voice shifted toward yours",
    # Registering
    "doubles.check_passed": "Passed",
    "doubles.check_failed": "Check",
    "doubles.sprite_made": (
        "A living sprite was made from your video, so your double moves like you."
    ),
    "doubles.photo_only": "Photo-only double: clips animate your photo.",
    "doubles.reference_checked": "Reference checked: see the quality report below.",
    "doubles.ready": (
        "Your double **@{handle}** is ready. Its consent record is saved; you can revoke or "
        "delete it any time in **Your doubles** above."
    ),
    "doubles.ready_with_voice": "Select it there to hear how it speaks in clips.",
    # What is missing or wrong
    "doubles.add_reference": "Add a 2–5 s video of the subject (or photos beside it).",
    "doubles.photo_types": "{names}: photos must be JPEG, PNG or WebP.",
    "doubles.check_reference_first": "Check your reference first (step 1).",
    "doubles.record_code_first": "Record yourself saying the code first (step 4).",
    "doubles.record_code_first_short": "Record yourself saying the code first.",
    "doubles.select_first": "Select one of your doubles first.",
    "doubles.no_longer_listed": "That double is no longer in your list.",
    "doubles.confirm_delete": "Tick the box to confirm you want to erase this double.",
    "doubles.no_clip_voice": (
        "This voice sample has no usable pitch, so clips give the double a stock voice."
    ),
    "doubles.no_clip_voice_title": "No clip voice",
    "doubles.reference_not_usable_title": "Reference not usable",
    "doubles.not_created_title": "Double not created",
    "doubles.not_saved_title": "Not saved",
    "doubles.voice_not_played_title": "Voice not played",
    "doubles.not_revoked_title": "Not revoked",
    "doubles.not_deleted_title": "Not deleted",
}

ZH_CN: dict[str, str] = {
    "doubles.caption.kind.person": "人",
    "doubles.caption.kind.pet": "宠物",
    "doubles.caption.kind.object": "物品",
    "doubles.caption.kind.character": "角色",
    "doubles.caption.visibility.only_me": "仅自己",
    "doubles.caption.visibility.approved": "经我批准",
    "doubles.caption.visibility.friends": "好友",
    "doubles.caption.visibility.everyone": "所有人",
    "doubles.status.active": "有效",
    "doubles.status.revoked": "已撤回",
    "doubles.status.deleted": "已删除",
    "doubles.has_voice": "有声音",
    "doubles.no_voice": "没有声音（短片中使用默认声音）",
    "doubles.registered_on": "注册于 {date}。",
    "doubles.saved": "已保存。",
    "doubles.restrictions_preview": "**你的使用限制会拒绝类似这样的剧本：**",
    "doubles.clip_voice_audio": "它在短片中的声音：内置声音向这个分身的声音靠拢",
    "doubles.draft_voice_audio": "它在短片中的声音：内置声音向你的声音靠拢",
    "doubles.check_passed": "通过",
    "doubles.check_failed": "请检查",
    "doubles.sprite_made": "已用你的视频制作了动态形象，你的分身会像你一样动。",
    "doubles.photo_only": "仅照片的分身：短片会让你的照片动起来。",
    "doubles.reference_checked": "参考素材已检查：请看下面的质量报告。",
    "doubles.ready": (
        "你的分身 **@{handle}** 已就绪。它的同意记录已保存；你可以随时在上方的**你的分身**中"
        "撤回或删除它。"
    ),
    "doubles.ready_with_voice": "在那里选中它，就能试听它在短片中的声音。",
    "doubles.add_reference": "请添加一段 2–5 秒的拍摄对象视频（或在旁边添加照片）。",
    "doubles.photo_types": "{names}：照片必须是 JPEG、PNG 或 WebP 格式。",
    "doubles.check_reference_first": "请先检查你的参考素材（第 1 步）。",
    "doubles.record_code_first": "请先录下自己念验证码（第 4 步）。",
    "doubles.record_code_first_short": "请先录下自己念验证码。",
    "doubles.select_first": "请先选择你的一个分身。",
    "doubles.no_longer_listed": "这个分身已不在你的列表中。",
    "doubles.confirm_delete": "请勾选确认框，确认你要清除这个分身。",
    "doubles.no_clip_voice": "这段声音样本没有可用的音高，所以短片会给这个分身使用默认声音。",
    "doubles.no_clip_voice_title": "没有短片声音",
    "doubles.reference_not_usable_title": "参考素材无法使用",
    "doubles.not_created_title": "分身未创建",
    "doubles.not_saved_title": "未保存",
    "doubles.voice_not_played_title": "无法播放声音",
    "doubles.not_revoked_title": "未撤回同意",
    "doubles.not_deleted_title": "未删除",
}

ID: dict[str, str] = {
    "doubles.caption.kind.person": "orang",
    "doubles.caption.kind.pet": "hewan peliharaan",
    "doubles.caption.kind.object": "benda",
    "doubles.caption.kind.character": "karakter",
    "doubles.caption.visibility.only_me": "hanya saya",
    "doubles.caption.visibility.approved": "yang saya setujui",
    "doubles.caption.visibility.friends": "teman",
    "doubles.caption.visibility.everyone": "semua orang",
    "doubles.status.active": "aktif",
    "doubles.status.revoked": "dicabut",
    "doubles.status.deleted": "dihapus",
    "doubles.has_voice": "punya suara",
    "doubles.no_voice": "tanpa suara (suara bawaan di klip)",
    "doubles.registered_on": "Didaftarkan {date}.",
    "doubles.saved": "Tersimpan.",
    "doubles.restrictions_preview": "**Batasan Anda akan menolak naskah seperti ini:**",
    "doubles.clip_voice_audio": (
        "Suaranya di klip: suara bawaan yang digeser mendekati suara kembaran ini"
    ),
    "doubles.draft_voice_audio": "Suaranya di klip: suara bawaan yang digeser mendekati suara Anda",
    "doubles.check_passed": "Lolos",
    "doubles.check_failed": "Periksa",
    "doubles.sprite_made": (
        "Sprite hidup dibuat dari video Anda, sehingga kembaran Anda bergerak seperti Anda."
    ),
    "doubles.photo_only": "Kembaran dari foto saja: klip menganimasikan foto Anda.",
    "doubles.reference_checked": "Referensi sudah diperiksa: lihat laporan kualitas di bawah.",
    "doubles.ready": (
        "Kembaran Anda **@{handle}** sudah siap. Catatan persetujuannya sudah disimpan; Anda "
        "dapat mencabut atau menghapusnya kapan saja di **Kembaran Anda** di atas."
    ),
    "doubles.ready_with_voice": "Pilih kembaran itu di sana untuk mendengar suaranya di klip.",
    "doubles.add_reference": (
        "Tambahkan video subjek berdurasi 2–5 detik (atau foto di sampingnya)."
    ),
    "doubles.photo_types": "{names}: foto harus berformat JPEG, PNG, atau WebP.",
    "doubles.check_reference_first": "Periksa referensi Anda terlebih dahulu (langkah 1).",
    "doubles.record_code_first": ("Rekam diri Anda mengucapkan kode terlebih dahulu (langkah 4)."),
    "doubles.record_code_first_short": "Rekam diri Anda mengucapkan kode terlebih dahulu.",
    "doubles.select_first": "Pilih salah satu kembaran Anda terlebih dahulu.",
    "doubles.no_longer_listed": "Kembaran itu sudah tidak ada di daftar Anda.",
    "doubles.confirm_delete": (
        "Centang kotaknya untuk mengonfirmasi bahwa Anda ingin menghapus kembaran ini."
    ),
    "doubles.no_clip_voice": (
        "Sampel suara ini tidak memiliki nada yang dapat dipakai, jadi klip memberi kembaran ini "
        "suara bawaan."
    ),
    "doubles.no_clip_voice_title": "Tidak ada suara klip",
    "doubles.reference_not_usable_title": "Referensi tidak dapat dipakai",
    "doubles.not_created_title": "Kembaran tidak dibuat",
    "doubles.not_saved_title": "Tidak tersimpan",
    "doubles.voice_not_played_title": "Suara tidak diputar",
    "doubles.not_revoked_title": "Persetujuan tidak dicabut",
    "doubles.not_deleted_title": "Tidak dihapus",
}

CA: dict[str, str] = {
    "doubles.caption.kind.person": "persona",
    "doubles.caption.kind.pet": "mascota",
    "doubles.caption.kind.object": "objecte",
    "doubles.caption.kind.character": "personatge",
    "doubles.caption.visibility.only_me": "només jo",
    "doubles.caption.visibility.approved": "amb la meva aprovació",
    "doubles.caption.visibility.friends": "amics",
    "doubles.caption.visibility.everyone": "tothom",
    "doubles.status.active": "actiu",
    "doubles.status.revoked": "revocat",
    "doubles.status.deleted": "eliminat",
    "doubles.has_voice": "té veu",
    "doubles.no_voice": "sense veu (veu predeterminada als clips)",
    "doubles.registered_on": "Registrat el {date}.",
    "doubles.saved": "S'ha desat.",
    "doubles.restrictions_preview": "**Les teves restriccions rebutjaran guions com aquests:**",
    "doubles.clip_voice_audio": (
        "La seva veu als clips: la veu integrada acostada a la d'aquest doble"
    ),
    "doubles.draft_voice_audio": "La seva veu als clips: la veu integrada acostada a la teva",
    "doubles.check_passed": "Correcte",
    "doubles.check_failed": "Revisa-ho",
    "doubles.sprite_made": (
        "Hem fet un sprite animat a partir del teu vídeo, així que el teu doble es mou com tu."
    ),
    "doubles.photo_only": "Doble només de fotos: els clips animen la teva foto.",
    "doubles.reference_checked": (
        "Referència comprovada: consulta l'informe de qualitat a continuació."
    ),
    "doubles.ready": (
        "El teu doble **@{handle}** ja està a punt. S'ha desat el registre del consentiment; el "
        "pots revocar o eliminar quan vulguis a **Els teus dobles**, més amunt."
    ),
    "doubles.ready_with_voice": "Tria'l allà per escoltar com parla als clips.",
    "doubles.add_reference": "Afegeix un vídeo de 2–5 s del subjecte (o fotos al costat).",
    "doubles.photo_types": "{names}: les fotos han de ser JPEG, PNG o WebP.",
    "doubles.check_reference_first": "Primer comprova la teva referència (pas 1).",
    "doubles.record_code_first": "Primer enregistra't dient el codi (pas 4).",
    "doubles.record_code_first_short": "Primer enregistra't dient el codi.",
    "doubles.select_first": "Primer tria un dels teus dobles.",
    "doubles.no_longer_listed": "Aquest doble ja no és a la teva llista.",
    "doubles.confirm_delete": "Marca la casella per confirmar que vols esborrar aquest doble.",
    "doubles.no_clip_voice": (
        "Aquesta mostra de veu no té un to aprofitable, així que els clips donen al doble una "
        "veu predeterminada."
    ),
    "doubles.no_clip_voice_title": "Sense veu per als clips",
    "doubles.reference_not_usable_title": "La referència no es pot fer servir",
    "doubles.not_created_title": "No s'ha creat el doble",
    "doubles.not_saved_title": "No s'ha desat",
    "doubles.voice_not_played_title": "No s'ha reproduït la veu",
    "doubles.not_revoked_title": "No s'ha revocat el consentiment",
    "doubles.not_deleted_title": "No s'ha eliminat",
}

CATALOGUES: dict[str, dict[str, str]] = {"en": EN, "zh-CN": ZH_CN, "id": ID, "ca": CA}
