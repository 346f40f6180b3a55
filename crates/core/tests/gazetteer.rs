//! The shipped gazetteer, read by our small TOML-subset reader, must mean exactly
//! what a real TOML parser says it means (the reader is handwritten to keep the
//! wasm small; this keeps it honest).

use kiroku_core::entity::Gazetteer;
use kiroku_core::normalize::Normalizer;
use serde::Deserialize;

const ENTITIES: &str = include_str!("../../../corpus/entities.toml");

#[derive(Deserialize)]
struct File {
    entity: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    name: String,
    kind: String,
    #[serde(default)]
    variants: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
}

#[test]
fn shipped_gazetteer_reads_as_real_toml_does() {
    let reference: File = toml::from_str(ENTITIES).unwrap();
    let ours = Gazetteer::from_toml(ENTITIES, Normalizer::default()).unwrap();
    assert_eq!(ours.entities().len(), reference.entity.len());
    for (mine, theirs) in ours.entities().iter().zip(&reference.entity) {
        assert_eq!(mine.name, theirs.name);
        assert_eq!(mine.kind.as_str(), theirs.kind);
        assert_eq!(mine.variants, theirs.variants);
        assert_eq!(mine.exclude, theirs.exclude);
    }
}

#[test]
fn escapes_and_comments_read_as_real_toml_does() {
    let src = "[[entity]] # c\nname = \"a\\\"b\\\\c\\u00e9 # not a comment\"\nkind = \"topic\"\nvariants = [\n \"x\", # one\n \"y\",\n]\n";
    let reference: File = toml::from_str(src).unwrap();
    let ours = Gazetteer::from_toml(src, Normalizer::default()).unwrap();
    assert_eq!(ours.entities()[0].name, reference.entity[0].name);
    assert_eq!(ours.entities()[0].variants, reference.entity[0].variants);
}

/// How the shipped gazetteer reads the tricky one-character variant 米.
#[test]
fn shipped_gazetteer_on_us_and_america() {
    let gazetteer = Gazetteer::from_toml(ENTITIES, Normalizer::default()).unwrap();
    let text =
        "米軍と中南米、中米諸国、米中関係、日米同盟、北米、欧米、米麻薬取締局、アメリカ、新米";
    let found: Vec<String> = gazetteer
        .entities_in(text)
        .iter()
        .map(|m| {
            format!(
                "{}={}",
                &text[m.span.range()],
                gazetteer.entity(m.entity).unwrap().name
            )
        })
        .collect();
    expect_test::expect![
        "米=米国 中南米=中南米 中米=中南米 米=米国 米=米国 米麻薬取締局=米麻薬取締局 アメリカ=米国"
    ]
    .assert_eq(&found.join(" "));
}
