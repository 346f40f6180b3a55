//! The shipped gazetteer, read by our small TOML-subset reader, must mean exactly
//! what a real TOML parser says it means (the reader is handwritten to keep the
//! wasm small; this keeps it honest).

use kiroku_core::entity::Gazetteer;
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
    let ours = Gazetteer::from_toml(ENTITIES).unwrap();
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
    let ours = Gazetteer::from_toml(src).unwrap();
    assert_eq!(ours.entities()[0].name, reference.entity[0].name);
    assert_eq!(ours.entities()[0].variants, reference.entity[0].variants);
}
