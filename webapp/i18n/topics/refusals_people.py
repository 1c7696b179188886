"""What the services say about accounts, sign-in, friends, approvals (grants), Appearances
actions and consent, in 简体中文, Bahasa Indonesia and Català.

The English of each sentence is written where it is said (``core.sentences.sentence``); these are
its translations, by the same key and with the same {placeholders}.
"""

TRANSLATIONS: dict[str, dict[str, str]] = {
    "zh-CN": {
        # core/accounts.py: usernames, display names, free text, passwords
        "accounts.field.display_names": "显示名称",
        "accounts.field.descriptions": "描述",
        "accounts.field.restrictions": "使用限制",
        "accounts.username_missing": "请选择一个用户名。",
        "accounts.username_control_chars": "用户名不能包含控制字符或不可见字符。",
        "accounts.username_spaces": "用户名不能包含空格。",
        "accounts.username_too_long": "用户名最多 {limit} 个字符，这个有 {length} 个。",
        "accounts.username_not_latin": (
            "用户名只能使用拉丁字母 a–z、数字 0–9、“_”、“.” 和 “-”。不允许使用其他文字中外形相似的"
            "字母，这样谁也无法冒充他人。"
        ),
        "accounts.username_chars": "用户名只能包含字母 a–z、数字 0–9、“_”、“.” 和 “-”。",
        "accounts.username_too_short": "用户名至少需要 {limit} 个字符。",
        "accounts.username_first_char": "用户名必须以字母或数字开头。",
        "accounts.username_reserved": "用户名“{username}”已被保留，请换一个。",
        "accounts.text_control_chars": "{label}不能包含控制字符、不可见字符或文字方向字符。",
        "accounts.text_html": "{label}不能包含 HTML 标签，例如 <b> 或 <script>。",
        "accounts.text_too_long": "{label}最多 {limit} 个字符，这里有 {length} 个。",
        "accounts.password_missing": "请设置一个密码。",
        "accounts.password_too_short": "密码至少需要 {limit} 个字符。",
        "accounts.password_too_long": "密码最多 {limit} 个字符。",
        "accounts.password_common": "这个密码是最常见的密码之一，请换一个。",
        "accounts.password_has_username": "密码不能包含你的用户名。",
        "accounts.password_too_few_characters": (
            "这个密码重复的字符太多，不够安全；请至少混用 {count} 个不同的字符。"
        ),
        # webapp/auth.py: sign-up, sign-in, sessions
        "auth.username_taken": "用户名“{username}”已被占用，请换一个。",
        "auth.wrong_password": "用户名和密码不匹配任何账户。",
        "auth.account_deleted": "这个账户已被删除。",
        "auth.not_signed_in": "请先登录（你的会话可能已过期）。",
        "auth.too_many_attempts": "此账户登录失败次数过多。请在 {minutes} 分钟后重试。",
        "auth.no_free_username": "找不到可用的用户名；请用密码注册。",
        # webapp/friends.py
        "friends.no_such_person": "没有用户名为“{username}”的人。",
        "friends.search_empty": "请输入用户名的一部分进行搜索。",
        "friends.self_request": "你不能向自己发送好友请求。",
        "friends.already_friends": "你和 {username} 已经是好友了。",
        "friends.already_asked": "你已经向 {username} 发送过请求，对方还没有回复。",
        "friends.no_request_to": "你没有发给 {username} 的待处理好友请求。",
        "friends.not_friends": "你和 {username} 不是好友。",
        "friends.self_block": "你不能屏蔽自己。",
        "friends.already_blocked": "你已经屏蔽了 {username}。",
        "friends.not_blocked": "你没有屏蔽 {username}。",
        "friends.add_whom": "请输入你想添加的人的用户名。",
        "friends.no_request_from": "没有来自 {username} 的好友请求。",
        # webapp/grants.py: who may use a double
        "grants.not_yours": "这个分身不存在，或者不属于你。",
        "grants.not_withdrawn": "{username} 使用 @{handle} 的许可并未被收回。",
        "grants.username_missing": "请输入对方的用户名。",
        "grants.own_double": "这个分身是你的：你随时都可以使用它。",
        "grants.already_approved": "{username} 已经获准使用 @{handle}。",
        "grants.already_withdrawn": "{username} 使用 @{handle} 的许可已经被收回。",
        # webapp/appearances.py
        "appearances.not_yours": "这个短片不存在，或者没有使用你的任何分身。",
        "appearances.already_deleted": "这个短片已经被删除了。",
        "appearances.deleted": "已删除“{title}”：任何人都无法再观看，它的视频也已清除。",
        "appearances.reason_missing": "请简要说明这个短片有什么问题（1–{limit} 个字符）。",
        "appearances.reason_too_long": "理由有 {length} 个字符，上限是 {limit} 个。",
        "appearances.reported": "谢谢：你的举报已记录。",
        "appearances.revoked": (
            "@{username} 不能再使用 {handles}；对方用它制作的所有短片现已隐藏。"
        ),
        "appearances.restored": "@{username} 重新获得了之前使用 {handles} 的许可。",
        "appearances.own_clip": "这个短片是你自己制作的：没有可以撤销许可的人。",
        "appearances.creator_gone": "这个短片的创作者已不存在。",
        # webapp/account_data.py
        "account_data.wrong_confirmation": "这不是你的用户名。请输入你的用户名以确认。",
        "account_data.account_gone": "这个账户已不存在。",
        # core/consent.py: a double's handle
        "consent.refusal.handle_missing": "请为你的分身选择一个账号名，例如 @maya。",
        "consent.refusal.handle_too_long": "账号名最多 {limit} 个字符，这个有 {length} 个。",
        "consent.refusal.handle_too_short": "账号名至少需要 {limit} 个字符。",
        "consent.refusal.handle_chars": "账号名只能使用小写字母 a–z、数字 0–9 和 “_”。",
        "consent.refusal.handle_reserved": "账号名 @{handle} 已被保留，请换一个。",
    },
    "id": {
        "accounts.field.display_names": "Nama tampilan",
        "accounts.field.descriptions": "Deskripsi",
        "accounts.field.restrictions": "Batasan penggunaan",
        "accounts.username_missing": "Pilih nama pengguna.",
        "accounts.username_control_chars": (
            "Nama pengguna tidak boleh berisi karakter kontrol atau karakter tak terlihat."
        ),
        "accounts.username_spaces": "Nama pengguna tidak boleh berisi spasi.",
        "accounts.username_too_long": (
            "Nama pengguna paling banyak {limit} karakter; yang ini {length} karakter."
        ),
        "accounts.username_not_latin": (
            "Nama pengguna hanya memakai huruf Latin a–z, angka 0–9, '_', '.' dan '-'. Huruf "
            "mirip dari abjad lain tidak diizinkan, agar tidak ada yang bisa menyamar sebagai "
            "orang lain."
        ),
        "accounts.username_chars": (
            "Nama pengguna hanya boleh berisi huruf a–z, angka 0–9, '_', '.' dan '-'."
        ),
        "accounts.username_too_short": "Nama pengguna minimal {limit} karakter.",
        "accounts.username_first_char": "Nama pengguna harus diawali huruf atau angka.",
        "accounts.username_reserved": (
            "Nama pengguna “{username}” sudah dicadangkan. Silakan pilih yang lain."
        ),
        "accounts.text_control_chars": (
            "{label} tidak boleh berisi karakter kontrol, karakter tak terlihat, atau karakter "
            "arah teks."
        ),
        "accounts.text_html": "{label} tidak boleh berisi tag HTML seperti <b> atau <script>.",
        "accounts.text_too_long": (
            "{label} paling banyak {limit} karakter; yang ini {length} karakter."
        ),
        "accounts.password_missing": "Buat kata sandi.",
        "accounts.password_too_short": "Kata sandi minimal {limit} karakter.",
        "accounts.password_too_long": "Kata sandi paling banyak {limit} karakter.",
        "accounts.password_common": (
            "Kata sandi itu termasuk yang paling umum dipakai. Silakan pilih yang lain."
        ),
        "accounts.password_has_username": "Kata sandi Anda tidak boleh memuat nama pengguna Anda.",
        "accounts.password_too_few_characters": (
            "Kata sandi itu terlalu sedikit ragam karakternya sehingga tidak aman; campurkan "
            "setidaknya {count} karakter yang berbeda."
        ),
        "auth.username_taken": "Nama pengguna “{username}” sudah dipakai. Silakan pilih yang lain.",
        "auth.wrong_password": "Nama pengguna dan kata sandi itu tidak cocok dengan akun mana pun.",
        "auth.account_deleted": "Akun ini sudah dihapus.",
        "auth.not_signed_in": "Silakan masuk terlebih dahulu (sesi Anda mungkin sudah berakhir).",
        "auth.too_many_attempts": (
            "Terlalu banyak percobaan masuk yang gagal untuk akun ini. Coba lagi dalam "
            "{minutes} menit."
        ),
        "auth.no_free_username": (
            "Tidak dapat menemukan nama pengguna yang masih tersedia; silakan daftar dengan kata "
            "sandi."
        ),
        "friends.no_such_person": "Tidak ada orang dengan nama pengguna “{username}”.",
        "friends.search_empty": "Ketik sebagian nama pengguna untuk mencari.",
        "friends.self_request": "Anda tidak dapat mengirim permintaan pertemanan ke diri sendiri.",
        "friends.already_friends": "Anda dan {username} sudah berteman.",
        "friends.already_asked": (
            "Anda sudah mengirim permintaan ke {username}; mereka belum menjawab."
        ),
        "friends.no_request_to": (
            "Anda tidak punya permintaan pertemanan yang tertunda ke {username}."
        ),
        "friends.not_friends": "Anda dan {username} tidak berteman.",
        "friends.self_block": "Anda tidak dapat memblokir diri sendiri.",
        "friends.already_blocked": "Anda sudah memblokir {username}.",
        "friends.not_blocked": "Anda tidak memblokir {username}.",
        "friends.add_whom": "Ketik nama pengguna orang yang ingin Anda tambahkan.",
        "friends.no_request_from": "Tidak ada permintaan pertemanan dari {username}.",
        "grants.not_yours": "Kembaran itu tidak ada atau bukan milik Anda.",
        "grants.not_withdrawn": "Izin {username} untuk memakai @{handle} tidak sedang dicabut.",
        "grants.username_missing": "Ketik nama pengguna orang tersebut.",
        "grants.own_double": "Anda pemilik kembaran ini: Anda selalu boleh memakainya.",
        "grants.already_approved": "{username} sudah diizinkan memakai @{handle}.",
        "grants.already_withdrawn": "Izin {username} untuk memakai @{handle} sudah dicabut.",
        "appearances.not_yours": "Klip itu tidak ada atau tidak memakai kembaran Anda.",
        "appearances.already_deleted": "Klip itu sudah dihapus.",
        "appearances.deleted": (
            "“{title}” dihapus: tidak ada lagi yang bisa menontonnya, dan videonya sudah hilang."
        ),
        "appearances.reason_missing": (
            "Jelaskan singkat apa yang salah dengan klip ini (1–{limit} karakter)."
        ),
        "appearances.reason_too_long": "Alasannya {length} karakter; batasnya {limit}.",
        "appearances.reported": "Terima kasih: laporan Anda sudah dicatat.",
        "appearances.revoked": (
            "@{username} tidak boleh lagi memakai {handles}; semua klip mereka dengan kembaran "
            "itu kini disembunyikan."
        ),
        "appearances.restored": (
            "@{username} kembali mendapat izin sebelumnya untuk memakai {handles}."
        ),
        "appearances.own_clip": (
            "Anda sendiri yang membuat klip ini: tidak ada izin yang bisa dicabut."
        ),
        "appearances.creator_gone": "Pembuat klip ini sudah tidak ada.",
        "account_data.wrong_confirmation": (
            "Itu bukan nama pengguna Anda. Ketik nama pengguna Anda untuk mengonfirmasi."
        ),
        "account_data.account_gone": "Akun ini sudah tidak ada.",
        "consent.refusal.handle_missing": "Pilih handle untuk kembaran Anda, misalnya @maya.",
        "consent.refusal.handle_too_long": (
            "Handle paling banyak {limit} karakter; yang ini {length} karakter."
        ),
        "consent.refusal.handle_too_short": "Handle minimal {limit} karakter.",
        "consent.refusal.handle_chars": "Handle hanya memakai huruf kecil a–z, angka 0–9, dan '_'.",
        "consent.refusal.handle_reserved": (
            "Handle @{handle} sudah dicadangkan. Silakan pilih yang lain."
        ),
    },
    "ca": {
        "accounts.field.display_names": "Els noms visibles",
        "accounts.field.descriptions": "Les descripcions",
        "accounts.field.restrictions": "Les restriccions d'ús",
        "accounts.username_missing": "Tria un nom d'usuari.",
        "accounts.username_control_chars": (
            "Els noms d'usuari no poden contenir caràcters de control ni invisibles."
        ),
        "accounts.username_spaces": "Els noms d'usuari no poden contenir espais.",
        "accounts.username_too_long": (
            "Els noms d'usuari poden tenir com a màxim {limit} caràcters; aquest en té {length}."
        ),
        "accounts.username_not_latin": (
            "Els noms d'usuari només fan servir les lletres llatines a–z, les xifres 0–9, '_', '.' "
            "i '-'. No s'hi admeten lletres d'altres alfabets que s'hi assemblin, perquè ningú no "
            "es pugui fer passar per un altre."
        ),
        "accounts.username_chars": (
            "Els noms d'usuari només poden contenir lletres a–z, xifres 0–9, '_', '.' i '-'."
        ),
        "accounts.username_too_short": (
            "Els noms d'usuari han de tenir com a mínim {limit} caràcters."
        ),
        "accounts.username_first_char": (
            "Els noms d'usuari han de començar amb una lletra o una xifra."
        ),
        "accounts.username_reserved": (
            "El nom d'usuari «{username}» està reservat. Tria'n un altre."
        ),
        "accounts.text_control_chars": (
            "{label} no poden contenir caràcters de control, invisibles ni de direcció del text."
        ),
        "accounts.text_html": "{label} no poden contenir etiquetes HTML com ara <b> o <script>.",
        "accounts.text_too_long": (
            "{label} poden tenir com a màxim {limit} caràcters; el text que has escrit en té "
            "{length}."
        ),
        "accounts.password_missing": "Tria una contrasenya.",
        "accounts.password_too_short": (
            "Les contrasenyes han de tenir com a mínim {limit} caràcters."
        ),
        "accounts.password_too_long": "Les contrasenyes poden tenir com a màxim {limit} caràcters.",
        "accounts.password_common": (
            "Aquesta contrasenya és una de les més habituals. Tria'n una altra."
        ),
        "accounts.password_has_username": "La contrasenya no pot contenir el teu nom d'usuari.",
        "accounts.password_too_few_characters": (
            "Aquesta contrasenya repeteix massa pocs caràcters per ser segura; combina'n com a "
            "mínim {count} de diferents."
        ),
        "auth.username_taken": "El nom d'usuari «{username}» ja està agafat. Tria'n un altre.",
        "auth.wrong_password": (
            "Aquest nom d'usuari i aquesta contrasenya no coincideixen amb cap compte."
        ),
        "auth.account_deleted": "Aquest compte s'ha eliminat.",
        "auth.not_signed_in": "Primer inicia la sessió (potser t'ha caducat).",
        "auth.too_many_attempts": (
            "Hi ha hagut massa intents fallits d'iniciar la sessió en aquest compte. Torna-ho a "
            "provar d'aquí a {minutes} minuts."
        ),
        "auth.no_free_username": (
            "No s'ha trobat cap nom d'usuari lliure; registra't amb una contrasenya."
        ),
        "friends.no_such_person": "No hi ha ningú amb el nom d'usuari «{username}».",
        "friends.search_empty": "Escriu una part d'un nom d'usuari per cercar.",
        "friends.self_request": "No et pots enviar una sol·licitud d'amistat a tu mateix.",
        "friends.already_friends": "Tu i {username} ja sou amics.",
        "friends.already_asked": "Ja ho has demanat a {username}; encara no t'ha respost.",
        "friends.no_request_to": "No tens cap sol·licitud d'amistat pendent per a {username}.",
        "friends.not_friends": "Tu i {username} no sou amics.",
        "friends.self_block": "No et pots bloquejar a tu mateix.",
        "friends.already_blocked": "Ja has bloquejat {username}.",
        "friends.not_blocked": "No has bloquejat {username}.",
        "friends.add_whom": "Escriu el nom d'usuari de la persona que vols afegir.",
        "friends.no_request_from": "No hi ha cap sol·licitud d'amistat de {username}.",
        "grants.not_yours": "Aquest doble no existeix o no és teu.",
        "grants.not_withdrawn": "El permís de {username} per fer servir @{handle} no està retirat.",
        "grants.username_missing": "Escriu el nom d'usuari de la persona.",
        "grants.own_double": "Aquest doble és teu: sempre el pots fer servir.",
        "grants.already_approved": "{username} ja té aprovat l'ús de @{handle}.",
        "grants.already_withdrawn": "A {username} ja se li ha retirat el permís per a @{handle}.",
        "appearances.not_yours": "Aquest clip no existeix o no fa servir cap dels teus dobles.",
        "appearances.already_deleted": "Aquest clip ja s'havia suprimit.",
        "appearances.deleted": (
            "S'ha suprimit «{title}»: ningú no el podrà tornar a mirar, i el seu vídeo ja no hi és."
        ),
        "appearances.reason_missing": (
            "Explica breument què passa amb aquest clip (1–{limit} caràcters)."
        ),
        "appearances.reason_too_long": "El motiu té {length} caràcters; el límit és {limit}.",
        "appearances.reported": "Gràcies: s'ha registrat la teva denúncia.",
        "appearances.revoked": (
            "@{username} ja no pot fer servir {handles}; tots els seus clips amb aquest doble "
            "ara estan amagats."
        ),
        "appearances.restored": "@{username} torna a tenir el permís que tenia per a {handles}.",
        "appearances.own_clip": "Aquest clip l'has fet tu: no hi ha ningú a qui retirar el permís.",
        "appearances.creator_gone": "El creador d'aquest clip ja no existeix.",
        "account_data.wrong_confirmation": (
            "Aquest no és el teu nom d'usuari. Escriu el teu nom d'usuari per confirmar-ho."
        ),
        "account_data.account_gone": "Aquest compte ja no existeix.",
        "consent.refusal.handle_missing": "Tria un identificador per al teu doble, com ara @maya.",
        "consent.refusal.handle_too_long": (
            "Els identificadors poden tenir com a màxim {limit} caràcters; aquest en té {length}."
        ),
        "consent.refusal.handle_too_short": (
            "Els identificadors han de tenir com a mínim {limit} caràcters."
        ),
        "consent.refusal.handle_chars": (
            "Els identificadors només fan servir lletres minúscules a–z, xifres 0–9 i '_'."
        ),
        "consent.refusal.handle_reserved": (
            "L'identificador @{handle} està reservat. Tria'n un altre."
        ),
    },
}
