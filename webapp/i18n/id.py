"""The interface in Indonesian (Bahasa Indonesia)."""

CATALOGUE: dict[str, str] = {
    # Header and navigation
    "app.tagline": (
        "Bintangi klip animasi pendek bersama teman: rekam diri Anda beberapa detik sekali saja, "
        "dan kembaran digital Anda yang persetujuannya sudah diperiksa berakting di adegan siap "
        "pakai."
    ),
    "app.first_steps": (
        "**Klip pertama Anda dalam tiga langkah:** buat akun · **Kembaran saya**: video 2–5 "
        "detik saat Anda mengucapkan satu kalimat · **Buat klip pertama Anda**. Setiap klip "
        "diberi label *buatan AI*, diberi tanda air, dan ditandatangani."
    ),
    "language.label": "Bahasa",
    "tab.studio": "Studio",
    "tab.clips": "Klip",
    "tab.doubles": "Kembaran saya",
    "tab.friends": "Teman",
    "tab.appearances": "Penampilan",
    "tab.my_data": "Data saya",
    "tab.clips_in_progress": "Klip ({count} sedang dibuat)",
    "tab.friends_waiting": "Teman ({count})",
    "tab.appearances_count": "Penampilan ({count})",
    # Choices: who may use a double or see a clip, what a double is of, clip sizes
    "visibility.only_me": "Hanya saya",
    "visibility.approved": "Orang yang saya setujui",
    "visibility.friends": "Teman saya",
    "visibility.everyone": "Semua orang",
    "kind.person": "Saya (orang)",
    "kind.pet": "Hewan peliharaan saya",
    "kind.object": "Mainan atau benda",
    "kind.character": "Karakter milik saya",
    "studio.size_fast": "832×480 (cepat)",
    "studio.size_hd": "1280×720 (HD, lebih lambat)",
    # Account
    "account.sign_in_heading": "### Masuk",
    "account.username": "Nama pengguna",
    "account.password": "Kata sandi",
    "account.sign_in": "Masuk",
    "account.sign_up_heading": "### Baru di sini? Buat akun",
    "account.username_info": "3–32 karakter: huruf a–z, angka, '_', '.' atau '-'.",
    "account.display_name": "Nama tampilan (opsional)",
    "account.display_name_info": "Ditampilkan kepada teman.",
    "account.password_info": "Minimal 10 karakter.",
    "account.repeat_password": "Ulangi kata sandi",
    "account.create": "Buat akun",
    "account.sign_out": "Keluar",
    # Studio
    "studio.signed_out": (
        "Lihat naskah siap pakai di bawah. **Masuk** dan daftarkan kembaran untuk membintangi "
        "salah satunya."
    ),
    "studio.presets": "Naskah siap pakai (pilih satu)",
    "studio.pick_preset": "Pilih naskah siap pakai untuk melihat perannya.",
    "studio.preset_preview": "Pratinjau bersuara: diperankan oleh karakter bawaan",
    "studio.your_role": "Peran Anda",
    "studio.star": "★ Bintangi ini",
    "studio.own_script": "…atau tulis naskah sendiri",
    "studio.your_script": "Naskah Anda",
    "studio.use_script": "Pakai naskah saya",
    "studio.cast_heading": "#### Pemeran",
    "studio.who_can_see": "Siapa yang dapat melihat klip",
    "studio.who_can_see_info": "Dibatasi sesuai izin setiap pemilik kembaran yang berperan.",
    "studio.more_options": "Opsi lainnya",
    "studio.size": "Ukuran",
    "studio.variation": "Nomor variasi (nomor yang sama menghasilkan klip yang sama)",
    "studio.generate": "Buat klip",
    "studio.cancel": "Batal",
    "studio.your_clip_heading": "#### Klip Anda",
    # Clips
    "clips.signed_out": (
        "### Klip\nMasuk untuk melihat klip Anda, klip yang menampilkan Anda, dan klip teman."
    ),
    "clips.show": "Tampilkan",
    "clips.page": "Halaman",
    "clips.previous": "← Sebelumnya",
    "clips.next": "Berikutnya →",
    # My doubles
    "doubles.signed_out": (
        "### Kembaran saya\nMasuk untuk mendaftarkan kembaran digital Anda dan mengelola "
        "persetujuannya."
    ),
    "doubles.your_doubles_heading": "### Kembaran Anda",
    "doubles.empty": (
        "Anda belum punya kembaran. Daftarkan satu di bawah: cukup video 2–5 detik saat Anda "
        "mengucapkan satu kalimat."
    ),
    "doubles.gallery": "Kembaran Anda (pilih satu untuk diubah)",
    "doubles.handle": "Handle",
    "doubles.display_name": "Nama tampilan",
    "doubles.description": "Deskripsi (kata-kata yang boleh dipakai generator)",
    "doubles.who_may_cast": "Siapa yang boleh memerankan kembaran ini",
    "doubles.restrictions": "Batasan penggunaan",
    "doubles.restrictions_shown": (
        "Batasan penggunaan (ditampilkan kepada siapa pun yang memerankannya)"
    ),
    "doubles.hear_voice": "▶ Dengarkan suara kembaran ini di klip",
    "doubles.save": "Simpan pengaturan",
    "doubles.revoke": "Cabut persetujuan",
    "doubles.delete_confirm": "Ya, hapus media, data wajah, dan data suara kembaran ini",
    "doubles.delete": "Hapus kembaran",
    "doubles.register_heading": "### Daftarkan kembaran baru",
    "doubles.step_reference": (
        "**Langkah 1 · Referensi.** Kembaran ini milik siapa, dan seperti apa rupanya?"
    ),
    "doubles.kind": "Kembaran ini adalah",
    "doubles.reference_video": (
        "Video referensi: 2–5 detik, hadap ke kamera dan ucapkan satu kalimat"
    ),
    "doubles.reference_photos": ("…atau 1–4 foto (JPEG, PNG, WebP; PNG transparan untuk karakter)"),
    "doubles.voice_clip": "Klip suara (opsional, jika video tidak berisi ucapan)",
    "doubles.check_reference": "Periksa referensi saya",
    "doubles.step_report": "**Langkah 2 · Laporan kualitas.** Inilah yang kami deteksi.",
    "doubles.detected": "Wajah dan potongan yang terdeteksi",
    "doubles.hear_draft_voice": "▶ Dengarkan suara kembaran Anda di klip",
    "doubles.step_consent": "**Langkah 3 · Pengaturan dan persetujuan.**",
    "doubles.step_live_check": (
        "**Langkah 4 · Pemeriksaan langsung.** Dapatkan kode, lalu rekam diri Anda "
        "mengucapkannya dengan lantang."
    ),
    "doubles.code_language": "Saya akan membaca kode dalam bahasa",
    "doubles.get_code": "Dapatkan kode saya",
    "doubles.code_instructions": (
        "## {code}\nUcapkan angka-angka ini dengan lantang sambil merekam diri Anda. Kode hanya "
        "berlaku sekali dan kedaluwarsa pukul **{time} UTC**."
    ),
    "doubles.record_code": "Rekam diri Anda mengucapkan kode",
    "doubles.create": "Buat kembaran saya",
    "doubles.first_clip": "Buat klip pertama Anda",
    # Friends
    "friends.signed_out": "### Teman\nMasuk untuk mencari orang dan mengelola teman Anda.",
    "friends.requests_heading": "### Permintaan pertemanan",
    "friends.find_heading": "### Cari orang",
    "friends.find_label": "Cari orang berdasarkan nama pengguna",
    "friends.search": "Cari",
    "friends.your_friends_heading": "### Teman Anda",
    "friends.sent_heading": "### Permintaan yang Anda kirim",
    "friends.blocked_heading": "### Diblokir",
    # Appearances
    "appearances.signed_out": (
        "### Penampilan\nMasuk untuk melihat setiap klip yang memakai kembaran Anda."
    ),
    "appearances.heading": "### Klip yang memakai kembaran saya",
    # My data
    "privacy.what_we_keep": """\
### Apa yang disimpan Co-Star Studio tentang Anda
- **Akun Anda**: nama pengguna, nama tampilan, hash kata sandi argon2id bergaram (atau ID
  Hugging Face Anda), dan sesi masuk (hanya hash berkunci dari tokennya).
- **Kembaran Anda**: video/foto referensi, potongan gambar, embedding wajah, sampel dan embedding
  suara, pengaturan, dan batasan. Menghapus kembaran akan menghapus semua media dan data
  biometriknya.
- **Catatan persetujuan**: tanggal, versi dan bahasa pernyataan, hash, serta skor pemeriksaan
  untuk setiap persetujuan, perubahan, pencabutan, dan penghapusan. Catatan ini tidak berisi
  media maupun data biometrik, dan tetap disimpan.
- **Klip** yang Anda buat atau yang menampilkan Anda, beserta metrik identitas dan asal-usulnya.
""",
    "privacy.export": "Unduh data saya (.zip)",
    "privacy.export_file": "Ekspor Anda",
    "privacy.delete_account": "Hapus akun saya selamanya",
}
