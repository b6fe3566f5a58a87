"""Short texts in legacy encodings, as an analyst saves or pastes them: one line, one short paragraph, three
paragraphs of the same news item in each language, and the encodings that language is written in. Shared by
tests/importers/test_text_encodings.py and bench/encoding_detection.py."""

from __future__ import annotations

import unicodedata

# language -> (its encodings, its usual Windows code page first; three paragraphs)
SAMPLES: dict[str, tuple[tuple[str, ...], tuple[str, str, str]]] = {
    "French": (
        ("cp1252", "latin_1"),
        (
            "Le ministre des Affaires étrangères a confirmé vendredi que les négociations avec l'Iran reprendront la"
            " semaine prochaine. La délégation partira pour Genève lundi. Le porte-parole du ministère a refusé de"
            " donner des détails.",
            "Selon des sources diplomatiques, les deux parties souhaitent rouvrir les ambassades, fermées depuis douze"
            " ans. L'opposition a qualifié la décision du gouvernement de « prématurée ».",
            "Le premier ministre a annoncé que tout accord serait soumis au Parlement. La prochaine série de"
            " négociations aura lieu à Ottawa.",
        ),
    ),
    "German": (
        ("cp1252", "latin_1"),
        (
            "Der Außenminister bestätigte am Freitag, dass die Gespräche mit dem Iran nächste Woche wieder aufgenommen"
            " werden. Die Delegation reist am Montag nach Genf. Ein Sprecher des Ministeriums wollte keine Einzelheiten"
            " nennen.",
            "Nach Angaben aus diplomatischen Kreisen wollen beide Seiten die seit zwölf Jahren geschlossenen Botschaften"
            " wieder öffnen. Die Opposition nannte die Entscheidung der Regierung »übereilt«.",
            "Der Regierungschef kündigte an, jedes Abkommen dem Parlament vorzulegen. Die nächste Gesprächsrunde"
            " findet in Berlin statt.",
        ),
    ),
    "Polish": (
        ("cp1250", "iso8859_2"),
        (
            "Minister spraw zagranicznych potwierdził w piątek, że rozmowy z Iranem zostaną wznowione w przyszłym"
            " tygodniu. Delegacja wyjedzie do Genewy w poniedziałek. Rzecznik ministerstwa odmówił podania"
            " szczegółów.",
            "Według źródeł dyplomatycznych obie strony chcą ponownie otworzyć ambasady, zamknięte od dwunastu lat."
            " Opozycja skrytykowała decyzję rządu jako przedwczesną.",
            "Premier zapowiedział, że każde porozumienie zostanie przedstawione parlamentowi. Następna runda rozmów"
            " odbędzie się w Warszawie.",
        ),
    ),
    "Czech": (
        ("cp1250", "iso8859_2"),
        (
            "Ministr zahraničí v pátek potvrdil, že rozhovory s Íránem budou příští týden obnoveny. Delegace"
            " odcestuje do Ženevy v pondělí. Mluvčí ministerstva odmítl sdělit podrobnosti.",
            "Podle diplomatických zdrojů chtějí obě strany znovu otevřít velvyslanectví, která jsou zavřená už"
            " dvanáct let. Opozice rozhodnutí vlády kritizovala jako předčasné.",
            "Premiér oznámil, že každá dohoda bude předložena parlamentu. Další kolo jednání se uskuteční v Praze.",
        ),
    ),
    "Hungarian": (
        ("cp1250", "iso8859_2"),
        (
            "A külügyminiszter pénteken megerősítette, hogy jövő héten folytatódnak a tárgyalások Iránnal. A"
            " küldöttség hétfőn utazik Genfbe. A minisztérium szóvivője nem kívánt részleteket közölni.",
            "Diplomáciai források szerint mindkét fél újra szeretné nyitni a tizenkét éve bezárt nagykövetségeket."
            " Az ellenzék elhamarkodottnak nevezte a kormány döntését.",
            "A miniszterelnök bejelentette, hogy minden megállapodást a parlament elé terjesztenek. A következő"
            " tárgyalási fordulót Budapesten tartják.",
        ),
    ),
    "Russian": (
        ("cp1251", "koi8_r", "iso8859_5", "cp866"),
        (
            "Министр иностранных дел в пятницу подтвердил, что переговоры с Ираном возобновятся на следующей неделе."
            " Делегация вылетит в Женеву в понедельник. Представитель министерства отказался сообщить подробности.",
            "По данным дипломатических источников, обе стороны хотят вновь открыть посольства, закрытые двенадцать"
            " лет назад. Оппозиция назвала решение правительства преждевременным.",
            "Премьер-министр заявил, что любое соглашение будет представлено парламенту. Следующий раунд переговоров"
            " пройдёт в Москве.",
        ),
    ),
    "Ukrainian": (
        ("cp1251", "koi8_u"),
        (
            "Міністр закордонних справ у п'ятницю підтвердив, що переговори з Іраном відновляться наступного тижня."
            " Делегація вилетить до Женеви в понеділок. Речник міністерства відмовився повідомити подробиці.",
            "За даними дипломатичних джерел, обидві сторони хочуть знову відкрити посольства, закриті дванадцять"
            " років тому. Опозиція назвала рішення уряду передчасним.",
            "Прем'єр-міністр заявив, що будь-яку угоду буде представлено парламенту. Наступний раунд переговорів"
            " відбудеться в Києві.",
        ),
    ),
    "Bulgarian": (
        ("cp1251",),
        (
            "Министърът на външните работи потвърди в петък, че преговорите с Иран ще бъдат възобновени следващата"
            " седмица. Делегацията ще замине за Женева в понеделник. Говорителят на министерството отказа да съобщи"
            " подробности.",
            "Според дипломатически източници двете страни искат отново да отворят посолствата, затворени преди"
            " дванадесет години. Опозицията определи решението на правителството като прибързано.",
            "Премиерът заяви, че всяко споразумение ще бъде внесено в парламента. Следващият кръг от преговорите ще"
            " се проведе в София.",
        ),
    ),
    "Greek": (
        ("cp1253", "iso8859_7"),
        (
            "Ο υπουργός Εξωτερικών επιβεβαίωσε την Παρασκευή ότι οι συνομιλίες με το Ιράν θα ξαναρχίσουν την"
            " επόμενη εβδομάδα. Η αντιπροσωπεία θα αναχωρήσει για τη Γενεύη τη Δευτέρα. Ο εκπρόσωπος του υπουργείου"
            " αρνήθηκε να δώσει λεπτομέρειες.",
            "Σύμφωνα με διπλωματικές πηγές, και οι δύο πλευρές θέλουν να ανοίξουν ξανά τις πρεσβείες, που είναι"
            " κλειστές εδώ και δώδεκα χρόνια. Η αντιπολίτευση χαρακτήρισε την απόφαση της κυβέρνησης πρόωρη.",
            "Ο πρωθυπουργός δήλωσε ότι κάθε συμφωνία θα κατατεθεί στη Βουλή. Ο επόμενος γύρος των συνομιλιών θα"
            " γίνει στην Αθήνα.",
        ),
    ),
    "Turkish": (
        ("cp1254", "iso8859_9"),
        (
            "Dışişleri Bakanı cuma günü İran ile görüşmelerin gelecek hafta yeniden başlayacağını doğruladı. Heyet"
            " pazartesi günü Cenevre'ye gidecek. Bakanlık sözcüsü ayrıntı vermeyi reddetti.",
            "Diplomatik kaynaklara göre iki taraf da on iki yıldır kapalı olan büyükelçilikleri yeniden açmak"
            " istiyor. Muhalefet hükümetin kararını aceleci olarak nitelendirdi.",
            "Cumhurbaşkanı, her anlaşmanın meclise sunulacağını açıkladı. Görüşmelerin bir sonraki turu Ankara'da"
            " yapılacak.",
        ),
    ),
    "Hebrew": (
        ("cp1255", "iso8859_8"),
        (
            "שר החוץ אישר ביום שישי כי השיחות עם איראן יתחדשו בשבוע הבא. המשלחת תצא לז'נבה ביום שני. דובר המשרד"
            " סירב למסור פרטים.",
            "לפי מקורות דיפלומטיים, שני הצדדים מעוניינים לפתוח מחדש את השגרירויות, הסגורות כבר שתים עשרה שנה."
            " האופוזיציה כינתה את החלטת הממשלה פזיזה.",
            "ראש הממשלה הודיע כי כל הסכם יובא לאישור הכנסת. הסבב הבא של השיחות ייערך בירושלים.",
        ),
    ),
    "Arabic": (
        ("cp1256", "iso8859_6"),
        (
            "أكد وزير الخارجية يوم الجمعة أن المحادثات مع إيران ستستأنف الأسبوع المقبل. وسيتوجه الوفد إلى جنيف يوم"
            " الاثنين. ورفض المتحدث باسم الوزارة الإدلاء بتفاصيل.",
            "ووفقا لمصادر دبلوماسية، يرغب الطرفان في إعادة فتح السفارتين المغلقتين منذ اثني عشر عاما. ووصفت"
            " المعارضة قرار الحكومة بأنه متسرع.",
            "وأعلن رئيس الوزراء أن أي اتفاق سيعرض على البرلمان. وستعقد الجولة المقبلة من المحادثات في القاهرة.",
        ),
    ),
    "Vietnamese": (
        ("cp1258",),
        (
            "Bộ trưởng Ngoại giao hôm thứ Sáu xác nhận rằng các cuộc đàm phán với Iran sẽ được nối lại vào tuần tới."
            " Phái đoàn sẽ lên đường đến Geneva vào thứ Hai. Người phát ngôn của bộ từ chối cho biết chi tiết.",
            "Theo các nguồn tin ngoại giao, cả hai bên đều muốn mở lại các đại sứ quán đã đóng cửa từ mười hai năm"
            " nay. Phe đối lập gọi quyết định của chính phủ là vội vàng.",
            "Thủ tướng tuyên bố rằng mọi thỏa thuận sẽ được trình lên Quốc hội. Vòng đàm phán tiếp theo sẽ diễn ra"
            " tại Hà Nội.",
        ),
    ),
    "Thai": (
        ("cp874", "tis_620"),
        (
            "รัฐมนตรีว่าการกระทรวงการต่างประเทศยืนยันเมื่อวันศุกร์ว่าการเจรจากับอิหร่านจะเริ่มขึ้นอีกครั้งในสัปดาห์หน้า"
            " คณะผู้แทนจะเดินทางไปเจนีวาในวันจันทร์ โฆษกกระทรวงปฏิเสธที่จะให้รายละเอียด",
            "ตามแหล่งข่าวทางการทูต ทั้งสองฝ่ายต้องการเปิดสถานทูตที่ปิดมาเป็นเวลาสิบสองปีอีกครั้ง"
            " ฝ่ายค้านวิจารณ์การตัดสินใจของรัฐบาลว่าเร่งรีบเกินไป",
            "นายกรัฐมนตรีประกาศว่าข้อตกลงใด ๆ จะต้องเสนอต่อรัฐสภา การเจรจารอบต่อไปจะจัดขึ้นที่กรุงเทพฯ",
        ),
    ),
    "Japanese": (
        ("shift_jis", "euc_jp", "cp932"),
        (
            "外務大臣は金曜日、イランとの協議が来週再開されると確認した。代表団は月曜日にジュネーブへ出発する。"
            "外務省の報道官は詳細の説明を控えた。",
            "外交筋によると、双方は十二年間閉鎖されている大使館の再開を望んでいる。野党は政府の決定を時期尚早だと批判した。",
            "首相は、いかなる合意も国会に提出すると述べた。次回の協議は東京で行われる。",
        ),
    ),
    "Chinese (simplified)": (
        ("gb18030", "gb2312"),
        (
            "外交部长周五证实，与伊朗的会谈将于下周恢复。代表团将于周一前往日内瓦。外交部发言人拒绝透露细节。",
            "据外交消息人士称，双方都希望重新开放已关闭十二年的大使馆。反对党批评政府的决定操之过急。",
            "总理表示，任何协议都将提交议会审议。下一轮会谈将在北京举行。",
        ),
    ),
    "Chinese (traditional)": (
        ("big5",),
        (
            "外交部長週五證實，與伊朗的會談將於下週恢復。代表團將於週一前往日內瓦。外交部發言人拒絕透露細節。",
            "據外交消息人士稱，雙方都希望重新開放已關閉十二年的大使館。反對黨批評政府的決定操之過急。",
            "總理表示，任何協議都將提交議會審議。下一輪會談將在台北舉行。",
        ),
    ),
    "Korean": (
        ("euc_kr", "cp949"),
        (
            "외교부 장관은 금요일 이란과의 회담이 다음 주에 재개될 것이라고 확인했다. 대표단은 월요일에 제네바로 떠날"
            " 예정이다. 외교부 대변인은 세부 사항에 대한 언급을 거부했다.",
            "외교 소식통에 따르면 양측은 12년 동안 폐쇄된 대사관을 다시 열기를 원하고 있다. 야당은 정부의 결정이"
            " 성급하다고 비판했다.",
            "총리는 어떤 합의도 국회에 제출될 것이라고 밝혔다. 다음 회담은 서울에서 열린다.",
        ),
    ),
}

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below

LENGTHS = ("line", "paragraph", "3 paragraphs")


def first_sentence(paragraph: str) -> str:
    """The paragraph's first sentence (Thai has no full stop: its first phrase, up to a space)."""
    for end in (". ", "。", " "):
        if end in paragraph:
            return paragraph[: paragraph.index(end) + len(end)].rstrip()
    return paragraph


def sample(language: str, length: str) -> str:
    paragraphs = SAMPLES[language][1]
    if length == "line":
        return first_sentence(paragraphs[0])
    return paragraphs[0] if length == "paragraph" else "\n\n".join(paragraphs) + "\n"


def encode(text: str, codec: str) -> bytes:
    """The text in `codec`. Vietnamese in cp1258 is written as Windows writes it: a letter it has, plus a
    combining tone mark where it has no letter with that mark."""
    if codec != "cp1258":
        return text.encode(codec)
    out = bytearray()
    for char in text:
        try:
            out += char.encode(codec)
        except UnicodeEncodeError:
            # the letter with its vowel mark (â, ơ, ư...), then the tone as a combining mark (ộ = ô + dot below)
            marks = unicodedata.normalize("NFD", char)
            tones = "".join(c for c in marks[1:] if c in _TONES)
            letter = unicodedata.normalize("NFC", "".join(c for c in marks if c not in _TONES))
            out += letter.encode(codec) + tones.encode(codec)
    return bytes(out)


def cases() -> list[tuple[str, str, str, str]]:
    """(language, encoding, length, text) for every sample."""
    return [
        (language, codec, length, sample(language, length))
        for language, (codecs, _) in SAMPLES.items()
        for codec in codecs
        for length in LENGTHS
    ]
