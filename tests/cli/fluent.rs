//! Fluent resources as a corpus: message-level states, syntax errors, terms and references.

use crate::util::{translation, TestEnv};

const V1: &str = "-brand = Stele\nhello = Hello, { $name }!\nbye = Goodbye\n    .title = Leaving\nkept = Same\nabout = { -brand } for { kept }\n";
const FR: &str = "-brand = Stele\nhello = Bonjour, { $name } !\nbye = Au revoir\n    .title = Départ\nkept = Pareil\nabout = { -brand } pour { kept }\n";

fn fluent_corpus() -> TestEnv {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        "[corpora.messages]\nkind = \"fluent\"\nsource_lang = \"en-US\"\nlanguages = [\"fr\"]\nlayout = \"locales/{lang}/{path}\"\n",
    );
    env.write("locales/en-US/app.ftl", V1);
    env.write("locales/fr/app.ftl", FR);
    env.stele(&["mark", "locales/fr/app.ftl"]).ok();
    env.commit("start");
    env
}

fn messages(env: &TestEnv) -> serde_json::Value {
    translation(&env.status_json(&[]), "locales/fr/app.ftl")
}

fn ids(v: &serde_json::Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn current_with_a_sidecar_record() {
    let env = fluent_corpus();
    assert!(env.exists("locales/fr/app.ftl.stele"));
    let fr = messages(&env);
    assert_eq!(fr["state"], "current");
    assert_eq!(fr["messages"]["total"], 5);
    assert_eq!(env.stele(&["check"]).code, 0);
}

#[test]
fn added_removed_and_changed_messages_and_attributes() {
    let env = fluent_corpus();
    let v2 = V1
        .replace("Hello, { $name }!", "Hi, { $name }!")
        .replace(".title = Leaving", ".title = Quitting")
        .replace("kept = Same\n", "kept = Same\nnew = New message\n")
        + "# a comment changes nothing\n";
    let v2 = v2.replace("-brand = Stele\n", "-brand = Stele\nremoved-later = x\n").replace("removed-later = x\n", "");
    env.write("locales/en-US/app.ftl", &v2);
    env.write("locales/fr/app.ftl", &format!("{FR}ancien = Message obsolète\n"));
    env.commit("source changes");
    let fr = messages(&env);
    assert_eq!(fr["state"], "outdated");
    assert_eq!(fr["reason"], "messages");
    assert_eq!(ids(&fr["messages"]["missing"]), ["new"]);
    assert_eq!(ids(&fr["messages"]["outdated"]), ["bye", "hello"]);
    assert_eq!(ids(&fr["messages"]["obsolete"]), ["ancien"]);
    assert_eq!(fr["messages"]["outdated"][1]["line"], 2);

    let out = env.stele(&["check", "--format", "github"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("::error file=locales/fr/app.ftl,line=2,"), "{}", out.stdout);
    assert!(out.stdout.contains("message “hello” changed in the source"), "{}", out.stdout);
    assert!(out.stdout.contains("message “new” is missing"), "{}", out.stdout);
    assert!(out.stdout.contains("message “ancien” is no longer in the source"), "{}", out.stdout);

    // The translator updates the changed messages, adds the new one, drops the old, and marks.
    env.write(
        "locales/fr/app.ftl",
        &FR.replace("Bonjour", "Salut")
            .replace("Départ", "On s’en va")
            .replace("kept = Pareil\n", "kept = Pareil\nnew = Nouveau\n"),
    );
    env.stele(&["mark", "locales/fr/app.ftl"]).ok();
    assert_eq!(messages(&env)["state"], "current");
}

#[test]
fn a_new_message_translated_at_once_needs_no_mark() {
    let env = fluent_corpus();
    env.write("locales/en-US/app.ftl", &format!("{V1}added = Added\n"));
    env.write("locales/fr/app.ftl", &format!("{FR}added = Ajouté\n"));
    env.commit("add a message in both");
    let fr = messages(&env);
    assert_eq!(fr["state"], "current", "{fr}");
}

#[test]
fn syntax_errors_are_reported_with_lines() {
    let env = fluent_corpus();
    env.write("locales/fr/app.ftl", &format!("{FR}broken = {{ $unclosed\n"));
    let fr = messages(&env);
    assert_eq!(fr["state"], "outdated");
    assert_eq!(fr["reason"], "syntax-error");
    assert_eq!(fr["syntax_errors"][0]["line"], 7);
    let out = env.stele(&["check"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("locales/fr/app.ftl:7: syntax error"), "{}", out.stdout);
    // issue 28: the error is data in JSON and words in the user's language, not fluent-syntax's
    // English ("Expected a token starting with …").
    assert_eq!(fr["syntax_errors"][0]["problem"], "expected-token", "{fr}");
    assert_eq!(fr["syntax_errors"][0]["token"], "}", "{fr}");
    let json = env.stele(&["check", "--format", "json"]).stdout;
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    let problems = parsed["problems"].as_array().unwrap();
    let problem = problems.iter().find(|p| p["kind"] == "syntax-error").unwrap();
    assert_eq!(problem["problem"], "expected-token", "{problem}");
    assert_eq!(json.matches("\"message\"").count(), problems.len(), "one message per problem: {json}");
    let es = env.stele(&["--ui-lang", "es", "check"]).stdout;
    assert!(es.contains("error de sintaxis: se esperaba «}» aquí") && !es.contains("Expected"), "{es}");

    // In the source, too.
    env.write("locales/fr/app.ftl", FR);
    env.write("locales/en-US/app.ftl", &format!("{V1}oops = {{\n"));
    let out = env.stele(&["check"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("locales/en-US/app.ftl:7: syntax error"), "{}", out.stdout);
}

#[test]
fn terms_and_message_references() {
    let env = fluent_corpus();
    // The translation drops the term but still uses it.
    env.write("locales/fr/app.ftl", &FR.replace("-brand = Stele\n", ""));
    let fr = messages(&env);
    assert_eq!(ids(&fr["messages"]["missing"]), ["-brand"]);
    assert_eq!(fr["messages"]["broken_references"][0]["target"], "-brand");
    let out = env.stele(&["check"]);
    assert!(
        out.stdout.contains("message “about” refers to “-brand”, which this file does not define"),
        "{}",
        out.stdout
    );

    // A changed term is outdated itself; the messages that use it are not.
    env.write("locales/fr/app.ftl", FR);
    env.write("locales/en-US/app.ftl", &V1.replace("-brand = Stele", "-brand = Stèle"));
    let fr = messages(&env);
    assert_eq!(ids(&fr["messages"]["outdated"]), ["-brand"]);
}

#[test]
fn history_basis_without_a_record() {
    let env = fluent_corpus();
    env.remove("locales/fr/app.ftl.stele");
    env.commit("no record");
    assert_eq!(messages(&env)["state"], "current");
    env.write("locales/en-US/app.ftl", &V1.replace("Goodbye", "Bye now"));
    env.commit("source changes one message");
    let fr = messages(&env);
    assert_eq!(fr["basis"], "history");
    assert_eq!(ids(&fr["messages"]["outdated"]), ["bye"]);
}

#[test]
fn several_corpora_side_by_side() {
    let env = fluent_corpus();
    env.write(
        "stele.toml",
        &format!("{}\n[corpora.articles]\nsource_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"corpus/{{path}}/{{lang}}.md\"\n", env.read("stele.toml")),
    );
    env.write("corpus/a/en.md", "Article.\n");
    env.commit("articles");
    let json = env.status_json(&[]);
    assert_eq!(json["corpora"]["messages"]["kind"], "fluent");
    assert_eq!(json["corpora"]["articles"]["summary"]["fr"]["missing"], 1);
    assert_eq!(json["summary"]["fr"]["current"], 1);
    assert_eq!(json["summary"]["fr"]["missing"], 1);
    let text = env.stele(&["status"]).ok().to_owned();
    assert!(text.contains("Corpus articles") && text.contains("Corpus messages"), "{text}");
    // issue 28: a path in one corpus is not "No documents found" for the other.
    for format in ["text", "markdown"] {
        let one = env.stele(&["status", "corpus/a", "--format", format]).ok().to_owned();
        assert!(!one.contains("messages") && !one.contains("No documents found"), "{one}");
        assert!(one.contains("corpus/a/fr.md") || one.contains("| `fr` | 0 | 0 | 1 |"), "{one}");
    }
    // --corpus picks one.
    assert_eq!(env.stele(&["check", "--corpus", "messages"]).code, 0);
    assert_eq!(env.stele(&["check", "--corpus", "articles"]).code, 1);
    let err = env.stele(&["status", "--corpus", "nope"]).usage_error().to_owned();
    assert!(err.contains("no corpus named “nope” (defined: articles, messages)"), "{err}");
}

#[test]
fn diff_shows_each_message_that_needs_work() {
    let env = fluent_corpus();
    env.write("locales/en-US/app.ftl", &format!("{}added = Added\n", V1.replace("Goodbye", "Farewell")));
    env.write("locales/fr/app.ftl", &format!("{FR}old = Ancien\n"));
    let out = env.stele(&["diff", "locales/fr/app.ftl"]).ok().to_owned();
    assert!(out.contains("@@ message bye, changed in the source · translation line 3"), "{out}");
    assert!(out.contains("bye = [-Goodbye-]{+Farewell+}"), "{out}");
    assert!(out.contains("translation:  bye = Au revoir\n                    .title = Départ"), "{out}");
    assert!(out.contains("@@ message added, missing from the translation · source line 7"), "{out}");
    assert!(out.contains("@@ message old, no longer in the source · translation line 7"), "{out}");
    let json = env.stele(&["diff", "locales/fr/app.ftl", "--format", "json"]).json();
    let kinds: Vec<&str> = json["translations"][0]["message_diffs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["changed", "missing", "obsolete"]);
}
