//! UI strings in Japanese and English. Corpus text is never translated; only chrome.
//!
//! One `Texts` table per language, so a missing string is a compile error, not a
//! blank button. Strings with numbers or names are small functions on [`Lang`].
//!
//! ```
//! use kiroku::i18n::Lang;
//! assert_eq!(Lang::Ja.results(12), "12件");
//! assert_eq!(Lang::En.results(1), "1 result");
//! assert_eq!(Lang::from_tag("en-GB"), Lang::En);
//! ```

use kiroku_core::{Date, EntityKind};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// From a BCP 47 tag (`navigator.language`): Japanese for `ja*`, else English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    /// The tag for `<html lang>` and localStorage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Ja => Lang::En,
            Lang::En => Lang::Ja,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Ja => &JA,
            Lang::En => &EN,
        }
    }

    /// The result count: `12件` / `12 results`.
    pub fn results(self, n: usize) -> String {
        match (self, n) {
            (Lang::Ja, n) => format!("{n}件"),
            (Lang::En, 1) => "1 result".into(),
            (Lang::En, n) => format!("{n} results"),
        }
    }

    /// The facet group's "show the rest" control.
    pub fn more(self, n: usize) -> String {
        match self {
            Lang::Ja => format!("ほか{n}件"),
            Lang::En => format!("{n} more"),
        }
    }

    /// The filter sheet's closing action: what the reader will see.
    pub fn show_results(self, n: usize) -> String {
        match (self, n) {
            (Lang::Ja, n) => format!("{n}件を表示"),
            (Lang::En, 1) => "Show 1 result".into(),
            (Lang::En, n) => format!("Show {n} results"),
        }
    }

    /// When only the first hits of a long result list are rendered.
    pub fn showing_first(self, n: usize) -> String {
        match self {
            Lang::Ja => format!("上位{n}件を表示"),
            Lang::En => format!("showing the first {n}"),
        }
    }

    /// Articles in a timeline bin or facet: `3件` / `3 articles`.
    pub fn articles(self, n: usize) -> String {
        match (self, n) {
            (Lang::Ja, n) => format!("記事 {n}件"),
            (Lang::En, 1) => "1 article".into(),
            (Lang::En, n) => format!("{n} articles"),
        }
    }

    /// Dates mentioned in a timeline bin.
    pub fn mentions(self, n: usize) -> String {
        match (self, n) {
            (Lang::Ja, n) => format!("本文中の日付 {n}件"),
            (Lang::En, 1) => "1 date mentioned".into(),
            (Lang::En, n) => format!("{n} dates mentioned"),
        }
    }

    /// The no-results headline, quoting the query when there is one.
    pub fn no_results(self, query: &str) -> String {
        match (self, query.trim().is_empty()) {
            (Lang::Ja, true) => "条件に一致する記事はありません".into(),
            (Lang::Ja, false) => format!("「{}」に一致する記事はありません", query.trim()),
            (Lang::En, true) => "No articles match these filters".into(),
            (Lang::En, false) => format!("No articles match “{}”", query.trim()),
        }
    }

    pub fn remove(self, what: &str) -> String {
        match self {
            Lang::Ja => format!("{what} を解除"),
            Lang::En => format!("Remove {what}"),
        }
    }

    pub fn position(self, n: usize, of: usize) -> String {
        match self {
            Lang::Ja => format!("{of}件中 {n}件目"),
            Lang::En => format!("{n} of {of}"),
        }
    }

    /// Where the reader's emphasized match stands: `3 / 11`.
    pub fn match_position(self, n: usize, of: usize) -> String {
        format!("{n} / {of}")
    }

    /// The concordance's total: `用例 12件` / `12 occurrences`.
    pub fn occurrences(self, n: usize) -> String {
        match (self, n) {
            (Lang::Ja, n) => format!("用例 {n}件"),
            (Lang::En, 1) => "1 occurrence".into(),
            (Lang::En, n) => format!("{n} occurrences"),
        }
    }

    /// The chronology's total: dates mentioned.
    pub fn dates_mentioned(self, n: usize) -> String {
        match (self, n) {
            (Lang::Ja, n) => format!("日付 {n}件"),
            (Lang::En, 1) => "1 date".into(),
            (Lang::En, n) => format!("{n} dates"),
        }
    }

    /// A citation of an article: title, source, date, then where to find it.
    pub fn citation(self, title: &str, source: Option<&str>, date: Date, link: &str) -> String {
        let date = self.date(date);
        let mut cited = match (self, source) {
            (Lang::Ja, Some(source)) => format!("「{title}」{source}、{date}。"),
            (Lang::Ja, None) => format!("「{title}」{date}。"),
            (Lang::En, Some(source)) => format!("“{title}”, {source}, {date}."),
            (Lang::En, None) => format!("“{title}”, {date}."),
        };
        if !link.is_empty() {
            cited.push(' ');
            cited.push_str(link);
        }
        cited
    }

    /// A trends series' remove button.
    pub fn remove_series(self, query: &str) -> String {
        match self {
            Lang::Ja => format!("「{query}」を比較から外す"),
            Lang::En => format!("Remove “{query}” from the comparison"),
        }
    }

    /// A co-occurrence pair's link: the articles with both.
    pub fn show_pair(self, a: &str, b: &str, n: usize) -> String {
        match self {
            Lang::Ja => format!("{a}と{b}の両方を含む記事 {n}件を表示"),
            Lang::En => format!("Show the {n} articles with both {a} and {b}"),
        }
    }

    /// The chip of entities that must all appear (a co-occurrence pair).
    pub fn together(self, names: &[String]) -> String {
        match (self, names) {
            (Lang::Ja, [a, b]) => format!("{a}と{b}の両方"),
            (Lang::En, [a, b]) => format!("both {a} and {b}"),
            (Lang::Ja, _) => format!("{}をすべて", names.join("・")),
            (Lang::En, _) => format!("all of {}", names.join(", ")),
        }
    }

    /// A full date: `2025年11月7日` / `7 Nov 2025`.
    pub fn date(self, date: Date) -> String {
        match self {
            Lang::Ja => format!("{}年{}月{}日", date.year, date.month, date.day),
            Lang::En => format!("{} {} {}", date.day, month_abbr(date.month), date.year),
        }
    }

    /// A month: `2025年11月` / `Nov 2025`.
    pub fn month(self, year: i32, month: u8) -> String {
        match self {
            Lang::Ja => format!("{year}年{month}月"),
            Lang::En => format!("{} {year}", month_abbr(month)),
        }
    }

    /// A year: `2025年` / `2025`.
    pub fn year(self, year: i32) -> String {
        match self {
            Lang::Ja => format!("{year}年"),
            Lang::En => year.to_string(),
        }
    }

    /// An inclusive date range as a filter chip shows it.
    pub fn range(self, from: Option<Date>, to: Option<Date>) -> String {
        let show = |d: Option<Date>| d.map(|d| self.date(d)).unwrap_or_default();
        format!("{} – {}", show(from), show(to))
    }

    pub fn kind(self, kind: EntityKind) -> &'static str {
        let t = self.texts();
        match kind {
            EntityKind::Person => t.people,
            EntityKind::Place => t.places,
            EntityKind::Organization => t.organizations,
            EntityKind::Topic => t.topics,
        }
    }
}

/// What the UI calls an entity, given its canonical name: the gazetteer's name
/// in the UI language (`name_en`), else the canonical one. URLs and filters keep
/// the canonical name; only what is shown changes.
pub fn entity_name(index: &kiroku_core::Index, lang: Lang, canonical: &str) -> String {
    index.gazetteer().name_in(canonical, lang.tag()).to_string()
}

/// The language of a corpus text, for its `lang` attribute, so a screen reader
/// reads Japanese titles with a Japanese voice in the English UI.
///
/// A corpus declares no language; each text's is told by its script: kana or CJK
/// ideographs mean Japanese (kiroku's normalizer and tokenizer are built for it).
/// Anything else gets `None` and inherits the UI's language.
///
/// ```
/// use kiroku::i18n::text_lang;
/// assert_eq!(text_lang("米、ベネズエラ大統領の追放もくろむ"), Some("ja"));
/// assert_eq!(text_lang("Oil output falls"), None);
/// ```
pub fn text_lang(text: &str) -> Option<&'static str> {
    let japanese = |c: char| {
        matches!(c,
            '\u{3040}'..='\u{30FF}'      // hiragana, katakana
            | '\u{31F0}'..='\u{31FF}'    // katakana extensions
            | '\u{3400}'..='\u{4DBF}'    // CJK extension A
            | '\u{4E00}'..='\u{9FFF}'    // CJK unified ideographs
            | '\u{FF66}'..='\u{FF9F}'    // half-width katakana
        )
    };
    text.chars().any(japanese).then_some("ja")
}

fn month_abbr(month: u8) -> &'static str {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    MONTHS
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// Every fixed UI string.
pub struct Texts {
    pub tagline: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    /// While the index is built: the progress bar's label and status text.
    pub preparing_search: &'static str,
    pub clear_search: &'static str,
    pub sort_label: &'static str,
    pub sort_relevance: &'static str,
    pub sort_newest: &'static str,
    pub sort_oldest: &'static str,
    pub filters: &'static str,
    pub people: &'static str,
    pub places: &'static str,
    pub organizations: &'static str,
    pub topics: &'static str,
    pub years: &'static str,
    pub active_filters: &'static str,
    pub clear_filters: &'static str,
    pub drop_filters: &'static str,
    pub no_results_hint: &'static str,
    pub latest: &'static str,
    /// Before the terms a query searched as an entity's spellings.
    pub searched_as: &'static str,
    pub suggestions: &'static str,
    pub results_label: &'static str,
    pub show_more: &'static str,
    pub timeline: &'static str,
    pub timeline_articles: &'static str,
    pub timeline_mentions: &'static str,
    pub timeline_hint: &'static str,
    pub timeline_reset: &'static str,
    pub timeline_outside: &'static str,
    pub timeline_zoom_out: &'static str,
    pub timeline_years: &'static str,
    pub back: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub entities: &'static str,
    pub mentioned_dates: &'static str,
    pub loading: &'static str,
    pub theme_toggle: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub share: &'static str,
    pub share_link: &'static str,
    pub share_embed: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub share_system: &'static str,
    pub share_view_code: &'static str,
    pub share_file_note: &'static str,
    pub theme_system: &'static str,
    pub lang_toggle: &'static str,
    pub lang_toggle_label: &'static str,
    pub shortcuts: &'static str,
    pub not_found: &'static str,
    /// In the reader, for an article outside the current results.
    pub not_in_results: &'static str,
    pub filters_toggle: &'static str,
    pub close_filters: &'static str,
    pub show_less: &'static str,
    pub views: &'static str,
    pub view_articles: &'static str,
    pub view_trends: &'static str,
    pub view_concordance: &'static str,
    pub view_chronology: &'static str,
    pub view_cooccurrence: &'static str,
    pub help_toggle: &'static str,
    pub help_intro: &'static str,
    pub help_and: &'static str,
    pub help_or: &'static str,
    pub help_phrase: &'static str,
    pub help_exclude: &'static str,
    pub help_fold: &'static str,
    pub help_close: &'static str,
    pub match_previous: &'static str,
    pub match_next: &'static str,
    pub matches_label: &'static str,
    pub copy_citation: &'static str,
    pub citation_copied: &'static str,
    pub citation_label: &'static str,
    pub trends_measure: &'static str,
    pub measure_articles: &'static str,
    pub measure_share: &'static str,
    pub series_add: &'static str,
    pub series_add_button: &'static str,
    pub series_all: &'static str,
    pub trends_hint: &'static str,
    pub trends_table: &'static str,
    pub trends_period: &'static str,
    pub trends_full: &'static str,
    pub sort_date: &'static str,
    pub sort_left: &'static str,
    pub sort_right: &'static str,
    pub kwic_needs_query: &'static str,
    pub more_lines: &'static str,
    pub kwic_context_left: &'static str,
    pub kwic_match: &'static str,
    pub kwic_context_right: &'static str,
    pub kwic_article: &'static str,
    pub chronology_empty: &'static str,
    pub cooc_pairs: &'static str,
    pub cooc_matrix: &'static str,
    pub cooc_entity_a: &'static str,
    pub cooc_entity_b: &'static str,
    pub cooc_count: &'static str,
    pub cooc_empty: &'static str,
    pub export: &'static str,
    pub export_results_csv: &'static str,
    pub export_results_jsonl: &'static str,
    pub export_csv: &'static str,
}

pub const JA: Texts = Texts {
    tagline: "ニュース記事アーカイブ",
    search_label: "記事を検索",
    search_placeholder: "キーワード・人名・地名",
    preparing_search: "検索を準備しています…",
    clear_search: "検索語を消去",
    sort_label: "並び順",
    sort_relevance: "関連度順",
    sort_newest: "新しい順",
    sort_oldest: "古い順",
    filters: "絞り込み",
    people: "人物",
    places: "場所",
    organizations: "組織",
    topics: "トピック",
    years: "年",
    active_filters: "適用中の条件",
    clear_filters: "すべて解除",
    drop_filters: "絞り込みを解除して再検索",
    no_results_hint: "別の言葉を試すか、語を減らすか、絞り込みを解除してみてください。",
    latest: "最新の記事",
    searched_as: "別名も検索:",
    suggestions: "検索の例",
    results_label: "検索結果",
    show_more: "さらに表示",
    timeline: "時系列",
    timeline_articles: "記事",
    timeline_mentions: "本文中の日付",
    timeline_hint: "クリックで期間を選択、ドラッグで範囲指定。←→で移動、Enterで選択",
    timeline_reset: "期間をリセット",
    timeline_outside: "表示範囲外の日付",
    timeline_zoom_out: "期間を広げる",
    timeline_years: "年で選ぶ",
    back: "一覧に戻る",
    previous: "前の記事",
    next: "次の記事",
    entities: "登場する固有名",
    mentioned_dates: "本文中の日付",
    loading: "索引を作成しています…",
    theme_toggle: "テーマを切り替え",
    theme_light: "ライト",
    theme_dark: "ダーク",
    share: "共有",
    share_link: "この表示へのリンク",
    share_embed: "埋め込みコード（iframe）",
    copy: "コピー",
    copied: "コピーしました",
    share_system: "ほかのアプリで共有…",
    share_view_code: "この表示のコード（アドレスの # 以降）",
    share_file_note: "このページはファイルから開かれています。このアドレス（file://…）はこのコンピューターでしか開けません。この表示を共有するには、kiroku.html ファイルと下のコードを送り、ファイルのアドレスの末尾にコードを付けて開くよう伝えてください。",
    theme_system: "自動",
    lang_toggle: "EN",
    lang_toggle_label: "Switch to English",
    shortcuts: "/ 検索　↑↓ 移動　Enter 開く　Esc 閉じる",
    not_found: "この記事は収録されていません。",
    not_in_results: "現在の検索結果には含まれていません",
    filters_toggle: "絞り込み",
    close_filters: "絞り込みを閉じる",
    show_less: "閉じる",
    views: "表示",
    view_articles: "記事",
    view_trends: "推移",
    view_concordance: "用例",
    view_chronology: "年表",
    view_cooccurrence: "共起",
    help_toggle: "検索のヒント",
    help_intro: "例をクリックするとその検索を実行します。",
    help_and: "スペースで区切った語をすべて含む記事",
    help_or: "どちらかを含む記事",
    help_phrase: "引用符の中をひと続きの語句として探す（スペースも含む）",
    help_exclude: "その語を含む記事を除く",
    help_fold: "ひらがな・カタカナ、全角・半角、長音の有無を区別しません",
    help_close: "閉じる",
    match_previous: "前の一致箇所",
    match_next: "次の一致箇所",
    matches_label: "一致箇所",
    copy_citation: "引用をコピー",
    citation_copied: "コピーしました",
    citation_label: "引用",
    trends_measure: "表示する値",
    measure_articles: "記事数",
    measure_share: "割合",
    series_add: "比較する語",
    series_add_button: "追加",
    series_all: "すべての記事",
    trends_hint: "点にカーソルを合わせると件数、クリックでその期間の記事を表示します。",
    trends_table: "推移の表",
    trends_period: "期間",
    trends_full: "比較できる語は4つまでです。",
    sort_date: "日付順",
    sort_left: "左の文脈順",
    sort_right: "右の文脈順",
    kwic_needs_query: "検索語を入力すると、その語の用例を文脈とともに一覧します。",
    more_lines: "さらに表示",
    kwic_context_left: "前の文脈",
    kwic_match: "一致",
    kwic_context_right: "後の文脈",
    kwic_article: "記事",
    chronology_empty: "本文中に日付がありません。",
    cooc_pairs: "一緒に登場する固有名の組",
    cooc_matrix: "上位の固有名の表",
    cooc_entity_a: "固有名",
    cooc_entity_b: "相手",
    cooc_count: "記事数",
    cooc_empty: "一緒に登場する固有名はありません。",
    export: "書き出し",
    export_results_csv: "CSV",
    export_results_jsonl: "JSON Lines",
    export_csv: "CSV",
};

pub const EN: Texts = Texts {
    tagline: "News archive",
    search_label: "Search articles",
    search_placeholder: "Search words, people, places",
    preparing_search: "Preparing search…",
    clear_search: "Clear search",
    sort_label: "Sort",
    sort_relevance: "Relevance",
    sort_newest: "Newest",
    sort_oldest: "Oldest",
    filters: "Filters",
    people: "People",
    places: "Places",
    organizations: "Organizations",
    topics: "Topics",
    years: "Years",
    active_filters: "Active filters",
    clear_filters: "Clear all",
    drop_filters: "Search again without filters",
    no_results_hint: "Try other words, fewer words, or fewer filters.",
    latest: "Latest articles",
    searched_as: "Also searched:",
    suggestions: "Try searching for",
    results_label: "Results",
    show_more: "Show more",
    timeline: "Timeline",
    timeline_articles: "Articles",
    timeline_mentions: "Dates mentioned",
    timeline_hint: "Click a bar to filter, drag to pick a range. ←→ move, Enter selects",
    timeline_reset: "Reset range",
    timeline_outside: "dates outside this span",
    timeline_zoom_out: "Zoom out",
    timeline_years: "Pick a year",
    back: "Back to results",
    previous: "Previous",
    next: "Next",
    entities: "Entities",
    mentioned_dates: "Dates mentioned",
    loading: "Indexing articles…",
    theme_toggle: "Switch theme",
    theme_light: "Light",
    theme_dark: "Dark",
    share: "Share",
    share_link: "Link to this view",
    share_embed: "Embed code (iframe)",
    copy: "Copy",
    copied: "Copied",
    share_system: "Share via…",
    share_view_code: "This view's code (the address from # on)",
    share_file_note: "This page was opened from a file: its address (file://…) opens only on this computer. To share this view, send the kiroku.html file with the code below; opened with the code added to the end of its address, the file shows this view.",
    theme_system: "Auto",
    lang_toggle: "日本語",
    lang_toggle_label: "日本語に切り替え",
    shortcuts: "/ search · ↑↓ move · Enter open · Esc close",
    not_found: "This article is not in the corpus.",
    not_in_results: "Not in the current results",
    filters_toggle: "Filters",
    close_filters: "Close filters",
    show_less: "Show fewer",
    views: "Views",
    view_articles: "Articles",
    view_trends: "Trends",
    view_concordance: "Concordance",
    view_chronology: "Chronology",
    view_cooccurrence: "Co-occurrence",
    help_toggle: "Search help",
    help_intro: "Click an example to run it.",
    help_and: "Articles with every word (separate words by spaces)",
    help_or: "Articles with either word",
    help_phrase: "The quoted words as one phrase, spaces included",
    help_exclude: "Leave out articles with the word",
    help_fold: "Hiragana and katakana, full and half width, and long vowel marks fold together",
    help_close: "Close",
    match_previous: "Previous match",
    match_next: "Next match",
    matches_label: "Matches",
    copy_citation: "Copy citation",
    citation_copied: "Copied",
    citation_label: "Citation",
    trends_measure: "Measure",
    measure_articles: "Articles",
    measure_share: "Share",
    series_add: "Compare with",
    series_add_button: "Add",
    series_all: "All articles",
    trends_hint: "Hover or focus a point for its numbers; click it for that period's articles.",
    trends_table: "Trends table",
    trends_period: "Period",
    trends_full: "Up to four queries can be compared.",
    sort_date: "Date",
    sort_left: "Left context",
    sort_right: "Right context",
    kwic_needs_query: "Type a query to list its occurrences in context.",
    more_lines: "Show more",
    kwic_context_left: "Before",
    kwic_match: "Match",
    kwic_context_right: "After",
    kwic_article: "Article",
    chronology_empty: "No dates are mentioned in these articles.",
    cooc_pairs: "Entities that appear together",
    cooc_matrix: "Top entities",
    cooc_entity_a: "Entity",
    cooc_entity_b: "With",
    cooc_count: "Articles",
    cooc_empty: "No entities appear together in these articles.",
    export: "Export",
    export_results_csv: "CSV",
    export_results_jsonl: "JSON Lines",
    export_csv: "CSV",
};
