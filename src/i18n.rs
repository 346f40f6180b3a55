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
    let gazetteer = index.gazetteer();
    gazetteer
        .find(canonical)
        .and_then(|id| gazetteer.entity(id))
        .map_or(canonical, |entity| entity.name_in(lang.tag()))
        .to_string()
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
}

pub const JA: Texts = Texts {
    tagline: "ニュース記事アーカイブ",
    search_label: "記事を検索",
    search_placeholder: "キーワード・人名・地名",
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
};

pub const EN: Texts = Texts {
    tagline: "News archive",
    search_label: "Search articles",
    search_placeholder: "Search words, people, places",
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
};
