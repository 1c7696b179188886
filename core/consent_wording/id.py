"""Consent and permission wording in Indonesian (Bahasa Indonesia)."""

WORDING: dict[str, str] = {
    "statement.version": "2026.12-1",
    "statement.heading": "Pernyataan persetujuan (versi {version})",
    "statement.body": """\
Saya berusia minimal 18 tahun.
{ownership}
Saya mengizinkan Co-Star Studio menyimpan media referensi serta deskripsi wajah dan suara yang
dibuat darinya, dan menggunakannya untuk membuat klip yang dibuat oleh saya atau oleh orang yang
saya izinkan melalui pengaturan visibilitas.
Setiap klip diberi label buatan AI, diberi tanda air, dan ditandatangani.
Saya dapat mencabut persetujuan ini kapan saja: setelah itu, tidak ada klip baru yang dapat
menggunakan kembaran ini. Saya dapat menghapus kembaran ini kapan saja: media referensi, data
wajah, dan data suaranya akan dihapus; catatan persetujuan ini hanya menyimpan tanggal, hash,
dan hasil pemeriksaan, tidak pernah media.
""",
    "ownership.person": "Ini saya. Sayalah orang yang terlihat dan terdengar dalam referensi.",
    "ownership.pet": "Ini hewan peliharaan saya, dan saya berhak membagikan rupanya.",
    "ownership.object": "Ini benda milik saya (mainan atau barang), dan saya berhak membagikan "
    "rupanya.",
    "ownership.character": "Ini karakter yang saya ciptakan atau yang hak-haknya saya miliki.",
    "checkbox.ownership.person": "Ini saya",
    "checkbox.ownership.pet": "Ini hewan peliharaan saya",
    "checkbox.ownership.object": "Ini benda milik saya",
    "checkbox.ownership.character": "Ini karakter milik saya",
    "checkbox.age": "Saya berusia 18 tahun atau lebih",
    "checkbox.statement": "Saya telah membaca dan menyetujui pernyataan persetujuan",
    "must_confirm_age": (
        "Harap konfirmasi bahwa Anda berusia 18 tahun atau lebih. Kembaran hanya dapat dibuat "
        "oleh orang dewasa."
    ),
    "must_confirm_ownership.person": (
        "Harap konfirmasi bahwa ini Anda. Anda hanya dapat mendaftarkan kembaran diri sendiri."
    ),
    "must_confirm_ownership.pet": "Harap konfirmasi bahwa ini hewan peliharaan Anda.",
    "must_confirm_ownership.object": "Harap konfirmasi bahwa benda ini milik Anda.",
    "must_confirm_ownership.character": "Harap konfirmasi bahwa Anda memiliki karakter ini.",
    "must_agree_statement": "Harap baca dan setujui pernyataan persetujuan.",
    "statement_outdated": (
        "Pernyataan persetujuan berubah saat Anda membacanya. Harap baca versi barunya dan "
        "setujui lagi."
    ),
    "challenge_missing": "Dapatkan kode terlebih dahulu, lalu rekam diri Anda mengucapkannya.",
    "challenge_expired": (
        "Kode itu sudah kedaluwarsa (kode berlaku 5 menit). Dapatkan kode baru dan coba lagi."
    ),
    "challenge_used": (
        "Kode itu sudah dipakai. Setiap kode hanya berlaku sekali: dapatkan kode baru."
    ),
    "challenge_needs_webcam": (
        "Rekam pemeriksaan langsung dengan webcam Anda di sini. Berkas unggahan tidak diterima "
        "untuk kembaran orang."
    ),
    "challenge_face_mismatch": (
        "Wajah dalam rekaman langsung Anda tidak cocok dengan wajah dalam video referensi. "
        "Keduanya harus direkam oleh orang yang sama."
    ),
    "challenge_no_face": (
        "Kami tidak dapat melihat wajah Anda dalam rekaman langsung. Hadapkan wajah ke kamera "
        "dengan cahaya yang cukup."
    ),
    "challenge_voice_mismatch": (
        "Suara dalam rekaman langsung Anda tidak cocok dengan suara dalam referensi. Keduanya "
        "harus diucapkan oleh orang yang sama."
    ),
    "challenge_no_sound": (
        "Rekaman langsung tidak bersuara. Izinkan akses mikrofon dan ucapkan kodenya dengan "
        "lantang."
    ),
    "impersonation_refused": (
        "Wajah ini sudah dimiliki kembaran yang didaftarkan oleh akun lain, jadi kami tidak "
        "dapat mendaftarkannya untuk Anda. Jika ini memang Anda, hubungi dukungan."
    ),
    "double_revoked_notice": (
        "Persetujuan dicabut: tidak seorang pun (termasuk Anda) dapat menggunakan kembaran ini "
        "dalam klip baru."
    ),
    "double_deleted_notice": (
        "Kembaran dihapus: media referensi, data wajah, dan data suaranya telah dihapus. Catatan "
        "persetujuan hanya menyimpan tanggal, hash, dan hasil pemeriksaan."
    ),
    "no_voice_notice": (
        "Tidak ditemukan ucapan, jadi kembaran ini tidak memiliki suara: klip akan memakai suara "
        "bawaan untuknya."
    ),
    "voice_shift_notice": (
        "Dialog diucapkan oleh suara bawaan yang digeser mendekati suara Anda (nada dan warna "
        "suara). Ini bukan tiruan suara Anda."
    ),
}
