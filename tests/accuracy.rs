//! Accuracy on question sets, through the same `eval` code the CLI uses.
//!
//! - `../shared/eval/dev.jsonl`: the development set (skipped with a note when `../shared` is not
//!   beside the checkout). The bar: at least 95% of English in-scope questions answered
//!   correctly and at least 90% of out-of-scope questions declined.
//! - `tests/data/heldout.jsonl`: questions the team wrote itself, worded differently and about
//!   facts the dev set does not ask, so that tuning on the dev set cannot hide a regression.
//! - `tests/data/blind.jsonl`: 90 questions written from the documents by someone who had not
//!   seen the knowledge base. The floors sit just under what was measured when it was added
//!   (in-scope 49/67, out-of-scope declined 17/23): they catch regressions, they are not goals.
//! - `../shared/eval/dev-chat.jsonl` and `tests/data/blind-chat-{a,b}.jsonl`: Telegram-style
//!   questions (chatty, typos, small talk, near misses, date arithmetic), each written by a helper
//!   who saw only the documents and the eval README. A was tuned on; B and C were each run once
//!   and their failures then seen; D was written last and run once. Their floors are the counts
//!   measured when set (see `CHAT_FLOORS`): regression floors, not the bar of 90–95%,
//!   which they do not reach yet.

use kazuz_bot::eval;
use kazuz_bot::knowledge::KnowledgeBase;
use kazuz_bot::matching::Engine;
use std::path::PathBuf;
use std::sync::OnceLock;

/// One engine for every test of this file: building it is most of a small set's cost.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::new(KnowledgeBase::embedded().expect("embedded knowledge base is valid"))
    })
}

fn manifest_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

#[test]
fn dev_set_meets_the_accuracy_bar() {
    let path = manifest_path("../shared/eval/dev.jsonl");
    if !path.exists() {
        eprintln!(
            "note: {} not found; dev-set accuracy not checked",
            path.display()
        );
        return;
    }
    let questions = eval::load(&path).expect("dev set loads");
    let report = eval::run(engine(), &questions);
    let summary = report.summary(true);
    let english = report.in_scope("en");
    let out_of_scope = report.out_of_scope();
    assert!(
        english.total >= 40,
        "the dev set should have English in-scope questions"
    );
    assert!(
        english.rate() >= 0.95,
        "English in-scope accuracy below 95%:\n{summary}"
    );
    assert!(
        out_of_scope.rate() >= 0.95,
        "out-of-scope decline rate below 95%:\n{summary}"
    );
    assert!(
        report.in_scope("ru").rate() >= 0.95,
        "Russian in-scope accuracy below 95%:\n{summary}"
    );
}

/// Regression floors for the Telegram-style sets: (file, English in-scope correct, Russian
/// in-scope correct, out-of-scope declined), as measured with `kazuz-bot eval FILE` when set.
const CHAT_FLOORS: &[(&str, usize, usize, usize)] = &[
    (
        "../shared/eval/dev-chat.jsonl",
        EN_DEV_CHAT,
        RU_DEV_CHAT,
        OOS_DEV_CHAT,
    ),
    (
        "tests/data/blind-chat-a.jsonl",
        EN_BLIND_A,
        RU_BLIND_A,
        OOS_BLIND_A,
    ),
    (
        "tests/data/blind-chat-b.jsonl",
        EN_BLIND_B,
        RU_BLIND_B,
        OOS_BLIND_B,
    ),
    (
        "tests/data/blind-chat-c.jsonl",
        EN_BLIND_C,
        RU_BLIND_C,
        OOS_BLIND_C,
    ),
    (
        "tests/data/blind-chat-d.jsonl",
        EN_BLIND_D,
        RU_BLIND_D,
        OOS_BLIND_D,
    ),
    (
        "tests/data/blind-chat-e.jsonl",
        EN_BLIND_E,
        RU_BLIND_E,
        OOS_BLIND_E,
    ),
    (
        "tests/data/blind-chat-f.jsonl",
        EN_BLIND_F,
        RU_BLIND_F,
        OOS_BLIND_F,
    ),
    (
        "tests/data/blind-chat-g.jsonl",
        EN_BLIND_G,
        RU_BLIND_G,
        OOS_BLIND_G,
    ),
    (
        "tests/data/blind-chat-h.jsonl",
        EN_BLIND_H,
        RU_BLIND_H,
        OOS_BLIND_H,
    ),
    (
        "tests/data/blind-chat-i.jsonl",
        EN_BLIND_I,
        RU_BLIND_I,
        OOS_BLIND_I,
    ),
    (
        "tests/data/blind-chat-j.jsonl",
        EN_BLIND_J,
        RU_BLIND_J,
        OOS_BLIND_J,
    ),
    (
        "tests/data/blind-chat-k.jsonl",
        EN_BLIND_K,
        RU_BLIND_K,
        OOS_BLIND_K,
    ),
    (
        "tests/data/blind-chat-l.jsonl",
        EN_BLIND_L,
        RU_BLIND_L,
        OOS_BLIND_L,
    ),
    (
        "tests/data/blind-chat-m.jsonl",
        EN_BLIND_M,
        RU_BLIND_M,
        OOS_BLIND_M,
    ),
    (
        "tests/data/blind-chat-n.jsonl",
        EN_BLIND_N,
        RU_BLIND_N,
        OOS_BLIND_N,
    ),
    (
        "tests/data/blind-chat-o.jsonl",
        EN_BLIND_O,
        RU_BLIND_O,
        OOS_BLIND_O,
    ),
    (
        "tests/data/review-chat-s.jsonl",
        EN_REVIEW_S,
        RU_REVIEW_S,
        OOS_REVIEW_S,
    ),
    (
        "tests/data/review-chat-t.jsonl",
        EN_REVIEW_T,
        RU_REVIEW_T,
        OOS_REVIEW_T,
    ),
    (
        "tests/data/review-chat-u.jsonl",
        EN_REVIEW_U,
        RU_REVIEW_U,
        OOS_REVIEW_U,
    ),
    (
        "tests/data/review-chat-v.jsonl",
        EN_REVIEW_V,
        RU_REVIEW_V,
        OOS_REVIEW_V,
    ),
    (
        "tests/data/review-chat-w.jsonl",
        EN_REVIEW_W,
        RU_REVIEW_W,
        OOS_REVIEW_W,
    ),
    (
        "tests/data/review-chat-x.jsonl",
        EN_REVIEW_X,
        RU_REVIEW_X,
        OOS_REVIEW_X,
    ),
    (
        "tests/data/review-chat-y.jsonl",
        EN_REVIEW_Y,
        RU_REVIEW_Y,
        OOS_REVIEW_Y,
    ),
    (
        "tests/data/review-chat-z.jsonl",
        EN_REVIEW_Z,
        RU_REVIEW_Z,
        OOS_REVIEW_Z,
    ),
    (
        "tests/data/review-chat-ab.jsonl",
        EN_REVIEW_AB,
        RU_REVIEW_AB,
        OOS_REVIEW_AB,
    ),
    (
        "tests/data/review-chat-ac.jsonl",
        EN_REVIEW_AC,
        RU_REVIEW_AC,
        OOS_REVIEW_AC,
    ),
    (
        "tests/data/blind-chat-aa.jsonl",
        EN_BLIND_AA,
        RU_BLIND_AA,
        OOS_BLIND_AA,
    ),
    (
        "tests/data/blind-chat-ad.jsonl",
        EN_BLIND_AD,
        RU_BLIND_AD,
        OOS_BLIND_AD,
    ),
    (
        "tests/data/blind-chat-ae.jsonl",
        EN_BLIND_AE,
        RU_BLIND_AE,
        OOS_BLIND_AE,
    ),
    (
        "tests/data/blind-chat-ag.jsonl",
        EN_BLIND_AG,
        RU_BLIND_AG,
        OOS_BLIND_AG,
    ),
    (
        "tests/data/blind-chat-ah.jsonl",
        EN_BLIND_AH,
        RU_BLIND_AH,
        OOS_BLIND_AH,
    ),
    (
        "tests/data/blind-chat-ai.jsonl",
        EN_BLIND_AI,
        RU_BLIND_AI,
        OOS_BLIND_AI,
    ),
    (
        "tests/data/blind-chat-aj.jsonl",
        EN_BLIND_AJ,
        RU_BLIND_AJ,
        OOS_BLIND_AJ,
    ),
    (
        "tests/data/blind-chat-ak.jsonl",
        EN_BLIND_AK,
        RU_BLIND_AK,
        OOS_BLIND_AK,
    ),
    (
        "tests/data/blind-chat-al.jsonl",
        EN_BLIND_AL,
        RU_BLIND_AL,
        OOS_BLIND_AL,
    ),
    (
        "tests/data/blind-chat-am.jsonl",
        EN_BLIND_AM,
        RU_BLIND_AM,
        OOS_BLIND_AM,
    ),
    (
        "tests/data/blind-chat-an.jsonl",
        EN_BLIND_AN,
        RU_BLIND_AN,
        OOS_BLIND_AN,
    ),
    (
        "tests/data/blind-chat-ao.jsonl",
        EN_BLIND_AO,
        RU_BLIND_AO,
        OOS_BLIND_AO,
    ),
    (
        "tests/data/blind-chat-ap.jsonl",
        EN_BLIND_AP,
        RU_BLIND_AP,
        OOS_BLIND_AP,
    ),
    (
        "tests/data/blind-chat-aq.jsonl",
        EN_BLIND_AQ,
        RU_BLIND_AQ,
        OOS_BLIND_AQ,
    ),
    (
        "tests/data/blind-chat-ar.jsonl",
        EN_BLIND_AR,
        RU_BLIND_AR,
        OOS_BLIND_AR,
    ),
    (
        "tests/data/blind-chat-as.jsonl",
        EN_BLIND_AS,
        RU_BLIND_AS,
        OOS_BLIND_AS,
    ),
    (
        "tests/data/blind-chat-at.jsonl",
        EN_BLIND_AT,
        RU_BLIND_AT,
        OOS_BLIND_AT,
    ),
    (
        "tests/data/blind-chat-au.jsonl",
        EN_BLIND_AU,
        RU_BLIND_AU,
        OOS_BLIND_AU,
    ),
    (
        "tests/data/blind-chat-av.jsonl",
        EN_BLIND_AV,
        RU_BLIND_AV,
        OOS_BLIND_AV,
    ),
    (
        "tests/data/blind-chat-aw.jsonl",
        EN_BLIND_AW,
        RU_BLIND_AW,
        OOS_BLIND_AW,
    ),
    (
        "tests/data/blind-chat-ba.jsonl",
        EN_BLIND_BA,
        RU_BLIND_BA,
        OOS_BLIND_BA,
    ),
    (
        "tests/data/blind-chat-bb.jsonl",
        EN_BLIND_BB,
        RU_BLIND_BB,
        OOS_BLIND_BB,
    ),
    (
        "tests/data/blind-chat-bc.jsonl",
        EN_BLIND_BC,
        RU_BLIND_BC,
        OOS_BLIND_BC,
    ),
    (
        "tests/data/blind-chat-bd.jsonl",
        EN_BLIND_BD,
        RU_BLIND_BD,
        OOS_BLIND_BD,
    ),
    (
        "tests/data/blind-chat-be.jsonl",
        EN_BLIND_BE,
        RU_BLIND_BE,
        OOS_BLIND_BE,
    ),
    (
        "tests/data/blind-chat-bf.jsonl",
        EN_BLIND_BF,
        RU_BLIND_BF,
        OOS_BLIND_BF,
    ),
    (
        "tests/data/blind-chat-bi.jsonl",
        EN_BLIND_BI,
        RU_BLIND_BI,
        OOS_BLIND_BI,
    ),
    (
        "tests/data/blind-chat-bl.jsonl",
        EN_BLIND_BL,
        RU_BLIND_BL,
        OOS_BLIND_BL,
    ),
    (
        "tests/data/blind-chat-bn.jsonl",
        EN_BLIND_BN,
        RU_BLIND_BN,
        OOS_BLIND_BN,
    ),
    (
        "tests/data/blind-chat-bo.jsonl",
        EN_BLIND_BO,
        RU_BLIND_BO,
        OOS_BLIND_BO,
    ),
    (
        "tests/data/blind-chat-bp.jsonl",
        EN_BLIND_BP,
        RU_BLIND_BP,
        OOS_BLIND_BP,
    ),
    (
        "tests/data/blind-chat-br.jsonl",
        EN_BLIND_BR,
        RU_BLIND_BR,
        OOS_BLIND_BR,
    ),
    (
        "tests/data/blind-chat-bs.jsonl",
        EN_BLIND_BS,
        RU_BLIND_BS,
        OOS_BLIND_BS,
    ),
    (
        "tests/data/blind-chat-bw.jsonl",
        EN_BLIND_BW,
        RU_BLIND_BW,
        OOS_BLIND_BW,
    ),
    (
        "tests/data/blind-chat-bx.jsonl",
        EN_BLIND_BX,
        RU_BLIND_BX,
        OOS_BLIND_BX,
    ),
    (
        "tests/data/blind-chat-bz.jsonl",
        EN_BLIND_BZ,
        RU_BLIND_BZ,
        OOS_BLIND_BZ,
    ),
    (
        "tests/data/blind-chat-ca.jsonl",
        EN_BLIND_CA,
        RU_BLIND_CA,
        OOS_BLIND_CA,
    ),
    (
        "tests/data/blind-chat-cc.jsonl",
        EN_BLIND_CC,
        RU_BLIND_CC,
        OOS_BLIND_CC,
    ),
    (
        "tests/data/blind-chat-cd.jsonl",
        EN_BLIND_CD,
        RU_BLIND_CD,
        OOS_BLIND_CD,
    ),
    (
        "tests/data/blind-chat-cg.jsonl",
        EN_BLIND_CG,
        RU_BLIND_CG,
        OOS_BLIND_CG,
    ),
    (
        "tests/data/blind-chat-ch.jsonl",
        EN_BLIND_CH,
        RU_BLIND_CH,
        OOS_BLIND_CH,
    ),
    (
        "tests/data/review-chat-af.jsonl",
        EN_REVIEW_AF,
        RU_REVIEW_AF,
        OOS_REVIEW_AF,
    ),
    (
        "tests/data/review-chat-r.jsonl",
        EN_REVIEW_R,
        RU_REVIEW_R,
        OOS_REVIEW_R,
    ),
    (
        "tests/data/review-chat-p.jsonl",
        EN_REVIEW_P,
        RU_REVIEW_P,
        OOS_REVIEW_P,
    ),
    (
        "tests/data/review-chat-q.jsonl",
        EN_REVIEW_Q,
        RU_REVIEW_Q,
        OOS_REVIEW_Q,
    ),
    ("tests/data/review-chat-bg.jsonl", 0, 0, OOS_REVIEW_BG),
    ("tests/data/review-chat-bj.jsonl", 0, 0, OOS_REVIEW_BJ),
    (
        "tests/data/review-chat-bk.jsonl",
        EN_REVIEW_BK,
        RU_REVIEW_BK,
        OOS_REVIEW_BK,
    ),
    (
        "tests/data/review-chat-bh.jsonl",
        EN_REVIEW_BH,
        RU_REVIEW_BH,
        OOS_REVIEW_BH,
    ),
    (
        "tests/data/review-chat-bm.jsonl",
        EN_REVIEW_BM,
        RU_REVIEW_BM,
        OOS_REVIEW_BM,
    ),
    (
        "tests/data/review-chat-bq.jsonl",
        EN_REVIEW_BQ,
        RU_REVIEW_BQ,
        OOS_REVIEW_BQ,
    ),
    (
        "tests/data/review-chat-bt.jsonl",
        EN_REVIEW_BT,
        RU_REVIEW_BT,
        OOS_REVIEW_BT,
    ),
    (
        "tests/data/review-chat-bu.jsonl",
        EN_REVIEW_BU,
        RU_REVIEW_BU,
        OOS_REVIEW_BU,
    ),
    (
        "tests/data/review-chat-bv.jsonl",
        EN_REVIEW_BV,
        RU_REVIEW_BV,
        OOS_REVIEW_BV,
    ),
    (
        "tests/data/review-chat-by.jsonl",
        EN_REVIEW_BY,
        RU_REVIEW_BY,
        OOS_REVIEW_BY,
    ),
    (
        "tests/data/review-chat-cb.jsonl",
        EN_REVIEW_CB,
        RU_REVIEW_CB,
        OOS_REVIEW_CB,
    ),
    (
        "tests/data/review-chat-ce.jsonl",
        EN_REVIEW_CE,
        RU_REVIEW_CE,
        OOS_REVIEW_CE,
    ),
    (
        "tests/data/review-chat-cf.jsonl",
        EN_REVIEW_CF,
        RU_REVIEW_CF,
        OOS_REVIEW_CF,
    ),
    (
        "tests/data/review-chat-ci.jsonl",
        EN_REVIEW_CI,
        RU_REVIEW_CI,
        OOS_REVIEW_CI,
    ),
    (
        "tests/data/review-chat-cj.jsonl",
        EN_REVIEW_CJ,
        RU_REVIEW_CJ,
        OOS_REVIEW_CJ,
    ),
    (
        "tests/data/blind-chat-ck.jsonl",
        EN_BLIND_CK,
        RU_BLIND_CK,
        OOS_BLIND_CK,
    ),
    (
        "tests/data/review-chat-cm.jsonl",
        EN_REVIEW_CM,
        RU_REVIEW_CM,
        OOS_REVIEW_CM,
    ),
    (
        "tests/data/review-chat-cn.jsonl",
        EN_REVIEW_CN,
        RU_REVIEW_CN,
        OOS_REVIEW_CN,
    ),
    (
        "tests/data/blind-chat-cl.jsonl",
        EN_BLIND_CL,
        RU_BLIND_CL,
        OOS_BLIND_CL,
    ),
    (
        "tests/data/blind-chat-co.jsonl",
        EN_BLIND_CO,
        RU_BLIND_CO,
        OOS_BLIND_CO,
    ),
    (
        "tests/data/review-chat-cq.jsonl",
        EN_REVIEW_CQ,
        RU_REVIEW_CQ,
        OOS_REVIEW_CQ,
    ),
    (
        "tests/data/review-chat-cr.jsonl",
        EN_REVIEW_CR,
        RU_REVIEW_CR,
        OOS_REVIEW_CR,
    ),
    (
        "tests/data/blind-chat-cp.jsonl",
        EN_BLIND_CP,
        RU_BLIND_CP,
        OOS_BLIND_CP,
    ),
    (
        "tests/data/blind-chat-cs.jsonl",
        EN_BLIND_CS,
        RU_BLIND_CS,
        OOS_BLIND_CS,
    ),
    (
        "tests/data/blind-chat-ct.jsonl",
        EN_BLIND_CT,
        RU_BLIND_CT,
        OOS_BLIND_CT,
    ),
    (
        "tests/data/review-chat-cu.jsonl",
        EN_REVIEW_CU,
        RU_REVIEW_CU,
        OOS_REVIEW_CU,
    ),
    (
        "tests/data/review-chat-cv.jsonl",
        EN_REVIEW_CV,
        RU_REVIEW_CV,
        OOS_REVIEW_CV,
    ),
    (
        "tests/data/review-chat-cw.jsonl",
        EN_REVIEW_CW,
        RU_REVIEW_CW,
        OOS_REVIEW_CW,
    ),
    (
        "tests/data/review-chat-cx.jsonl",
        EN_REVIEW_CX,
        RU_REVIEW_CX,
        OOS_REVIEW_CX,
    ),
    (
        "tests/data/blind-chat-cy.jsonl",
        EN_BLIND_CY,
        RU_BLIND_CY,
        OOS_BLIND_CY,
    ),
    (
        "tests/data/blind-chat-cz.jsonl",
        EN_BLIND_CZ,
        RU_BLIND_CZ,
        OOS_BLIND_CZ,
    ),
    (
        "tests/data/blind-chat-dc.jsonl",
        EN_BLIND_DC,
        RU_BLIND_DC,
        OOS_BLIND_DC,
    ),
    (
        "tests/data/review-chat-da.jsonl",
        EN_REVIEW_DA,
        RU_REVIEW_DA,
        OOS_REVIEW_DA,
    ),
    (
        "tests/data/review-chat-db.jsonl",
        EN_REVIEW_DB,
        RU_REVIEW_DB,
        OOS_REVIEW_DB,
    ),
    (
        "tests/data/blind-chat-dd.jsonl",
        EN_BLIND_DD,
        RU_BLIND_DD,
        OOS_BLIND_DD,
    ),
    (
        "tests/data/review-chat-de.jsonl",
        EN_REVIEW_DE,
        RU_REVIEW_DE,
        OOS_REVIEW_DE,
    ),
    (
        "tests/data/blind-chat-df.jsonl",
        EN_BLIND_DF,
        RU_BLIND_DF,
        OOS_BLIND_DF,
    ),
    (
        "tests/data/review-chat-dg.jsonl",
        EN_REVIEW_DG,
        RU_REVIEW_DG,
        OOS_REVIEW_DG,
    ),
    (
        "tests/data/blind-chat-dh.jsonl",
        EN_BLIND_DH,
        RU_BLIND_DH,
        OOS_BLIND_DH,
    ),
    (
        "tests/data/review-chat-di.jsonl",
        EN_REVIEW_DI,
        RU_REVIEW_DI,
        OOS_REVIEW_DI,
    ),
    (
        "tests/data/blind-chat-dj.jsonl",
        EN_BLIND_DJ,
        RU_BLIND_DJ,
        OOS_BLIND_DJ,
    ),
    (
        "tests/data/review-chat-dk.jsonl",
        EN_REVIEW_DK,
        RU_REVIEW_DK,
        OOS_REVIEW_DK,
    ),
    (
        "tests/data/review-chat-dl.jsonl",
        EN_REVIEW_DL,
        RU_REVIEW_DL,
        OOS_REVIEW_DL,
    ),
    (
        "tests/data/review-chat-dm.jsonl",
        EN_REVIEW_DM,
        RU_REVIEW_DM,
        OOS_REVIEW_DM,
    ),
];

#[test]
fn telegram_style_sets_do_not_regress() {
    // The sets are independent: score them on every core (CI's test step waits for this one).
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|worker| {
                scope.spawn(move || {
                    CHAT_FLOORS
                        .iter()
                        .skip(worker)
                        .step_by(threads)
                        .filter_map(|&floors| below_floor(floors))
                        .collect::<Vec<String>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a scoring thread panicked"))
            .collect()
    });
    let mut failures = failures;
    failures.sort();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What is wrong with one set of [`CHAT_FLOORS`], if it scores below a floor.
fn below_floor((file, en, ru, oos): (&str, usize, usize, usize)) -> Option<String> {
    let path = manifest_path(file);
    if !path.exists() {
        eprintln!("note: {} not found; not checked", path.display());
        return None;
    }
    let questions = eval::load(&path).expect("question set loads");
    let report = eval::run(engine(), &questions);
    let measured = (
        report.in_scope("en").correct,
        report.in_scope("ru").correct,
        report.out_of_scope().correct,
    );
    (measured.0 < en || measured.1 < ru || measured.2 < oos).then(|| {
        format!(
            "{file}: (en, ru, declined) = {measured:?}, floors ({en}, {ru}, {oos}):\n{}",
            report.summary(false)
        )
    })
}

#[test]
fn team_written_questions_meet_the_floor() {
    let questions =
        eval::load(&manifest_path("tests/data/heldout.jsonl")).expect("held-out set loads");
    let report = eval::run(engine(), &questions);
    let summary = report.summary(true);
    let in_scope = report.tally(|q| q.kind != eval::OUT_OF_SCOPE);
    assert!(
        in_scope.rate() >= 0.90,
        "held-out in-scope accuracy below 90%:\n{summary}"
    );
    assert!(
        report.out_of_scope().rate() >= 0.80,
        "held-out decline rate below 80%:\n{summary}"
    );
    assert!(
        report.in_scope("ru").rate() >= 0.75,
        "Russian held-out accuracy below 75%:\n{summary}"
    );
}

#[test]
fn blind_questions_do_not_regress() {
    let questions = eval::load(&manifest_path("tests/data/blind.jsonl")).expect("blind set loads");
    let report = eval::run(engine(), &questions);
    let summary = report.summary(true);
    let in_scope = report.tally(|q| q.kind != eval::OUT_OF_SCOPE);
    assert!(
        in_scope.correct >= 59,
        "blind in-scope answers fell below 59/{}:\n{summary}",
        in_scope.total
    );
    assert!(
        report.out_of_scope().correct >= 22,
        "blind declines fell below 22:\n{summary}"
    );
}

// The floors (see CHAT_FLOORS), measured 2026-12-01 with `kazuz-bot eval FILE`. Set A was
// tuned on. B, C, D and E were each run once as "final" sets and their failures then seen, so
// later figures on them are not blind. Set F was written (documents and eval README only) and
// frozen at the start of the fourth session and run once at its end; seen since. Set G (below)
// is the latest honest estimate (the bar is 90 / 90 / 95 %).
// Every floor but those of the blind runs (J, K, L, M, N, O, AA, AD, AE, AG, AH, AI, AJ, AK, AL) was
// raised to the measured figure at the end of each session since; last on 2026-12-03
// (twenty-first session, with 'how long did … between' and reversed Russian unit cues); in the
// twenty-second session only RU_REVIEW_AF rose (a day read after a past-tense verb).
const EN_DEV_CHAT: usize = 25; // of 30
const RU_DEV_CHAT: usize = 29; // of 30
const OOS_DEV_CHAT: usize = 30; // of 30
const EN_BLIND_A: usize = 53; // of 53
const RU_BLIND_A: usize = 53; // of 53
const OOS_BLIND_A: usize = 64; // of 64
const EN_BLIND_B: usize = 52; // of 53
const RU_BLIND_B: usize = 53; // of 53
const OOS_BLIND_B: usize = 64; // of 64
const EN_BLIND_C: usize = 52; // of 53
const RU_BLIND_C: usize = 52; // of 53
const OOS_BLIND_C: usize = 63; // of 64
const EN_BLIND_D: usize = 52; // of 53
const RU_BLIND_D: usize = 50; // of 53
const OOS_BLIND_D: usize = 64; // of 64
const EN_BLIND_E: usize = 52; // of 53; was 52: a phrasing equal to a question of set V was reworded (sixth session)
const RU_BLIND_E: usize = 51; // of 53
const OOS_BLIND_E: usize = 63; // of 64
const EN_BLIND_F: usize = 50; // of 53
const RU_BLIND_F: usize = 50; // of 53
const OOS_BLIND_F: usize = 64; // of 64

// Set G was written (documents and eval README only) and frozen at the start of the fifth session,
// run once there (43 / 40 / 62) and once at its end, its failures never looked at: the end figures
// below are its second run. Seen from now on.
const EN_BLIND_G: usize = 52; // of 53
const RU_BLIND_G: usize = 49; // of 53
const OOS_BLIND_G: usize = 64; // of 64

// Set H was written (documents and eval README only) and frozen at the start of the sixth
// session (sha256 bd38e30f…), run there once at the start (40 / 34 / 56) and once at its end, its
// failures never looked at: the end figures below are its second run. Seen from now on.
const EN_BLIND_H: usize = 49; // of 53
const RU_BLIND_H: usize = 46; // of 53
const OOS_BLIND_H: usize = 62; // of 64

// Set I was written (documents and eval README only) and frozen at the start of the seventh
// session (sha256 de4246b2…), run once at the start (40 / 36 / 51) and once at its end (39 / 36 /
// 54), its failures never looked at: the end figures below are its second run. Seen from now on.
const EN_BLIND_I: usize = 51; // of 53
const RU_BLIND_I: usize = 47; // of 53
const OOS_BLIND_I: usize = 63; // of 64

// Set J was written (documents and eval README only) and frozen at the start of the eighth
// session (sha256 4556ba5a…), run once at the start (37 / 36 / 58) and once at its end, its
// failures never looked at: the end figures below are its second run. Seen from now on.
const EN_BLIND_J: usize = 38; // of 53
const RU_BLIND_J: usize = 36; // of 53
const OOS_BLIND_J: usize = 58; // of 64

// Set K was written (documents and eval README only) and frozen at the start of the ninth
// session (sha256 6469781a…), run once at the start (ed41cb7) and once near its end (5eb5b8a),
// its failures not looked at before the second run: both runs gave 44 / 40 / 54, the floors.
// Seen from now on.
const EN_BLIND_K: usize = 44; // of 53
const RU_BLIND_K: usize = 40; // of 53
const OOS_BLIND_K: usize = 54; // of 64

// Set L was written (documents and eval README only) and frozen at the start of the tenth
// session (sha256 6b8b1c0f…), run once at the start (a8cf5f8: 41 / 41 / 49) and once after the
// session's accuracy work (5e21575), its failures not looked at before the second run: 42 / 41
// / 50, the floors. Seen from now on.
const EN_BLIND_L: usize = 42; // of 53
const RU_BLIND_L: usize = 41; // of 53
const OOS_BLIND_L: usize = 50; // of 64

// Set M was written (documents and eval README only, Jaccard < 0.5 to the 3,550 earlier
// questions) and frozen at the start of the eleventh session (sha256 f157b6d9…), run once at the
// start (9a6d2f1: 42 / 39 / 58) and once after the session's accuracy work (3c3c9ea), its
// failures not looked at before the second run: 43 / 40 / 58, the floors. Seen from now on.
const EN_BLIND_M: usize = 43; // of 53
const RU_BLIND_M: usize = 40; // of 53
const OOS_BLIND_M: usize = 58; // of 64

// Set N, the same way (Jaccard < 0.5 to the 3,720 earlier questions), frozen at the start of the
// twelfth session (sha256 79d4d110…): run 1 at 1918029 43 / 43 / 57, run 2 after the session's
// accuracy work (672603a) 41 / 45 / 57, the floors. Seen from now on.
const EN_BLIND_N: usize = 41; // of 53
const RU_BLIND_N: usize = 45; // of 53
const OOS_BLIND_N: usize = 57; // of 64

// Set O, the same way (Jaccard < 0.5 to the 3,890 earlier questions, highest 0.474), frozen at
// the start of the thirteenth session (sha256 f48e06b8…): run 1 at edf092e 43 / 44 / 59, run 2
// after the session's accuracy work (90666ee) 44 / 44 / 59, the floors. Seen from now on.
const EN_BLIND_O: usize = 44; // of 53
const RU_BLIND_O: usize = 44; // of 53
const OOS_BLIND_O: usize = 59; // of 64

// Set S: 120 questions a helper wrote (documents only) for a smoke review in the fifth session,
// weighted to paraphrases, misspellings, Latin-letter Russian and two-part questions, judged by
// hand and then turned into regexes. Tuned on from then on: a floor, not an estimate.
const EN_REVIEW_S: usize = 44; // of 48
const RU_REVIEW_S: usize = 43; // of 52; was 44: slang 'рулить' left the chair group, where it made "who runs X" mean a president (set V)
const OOS_REVIEW_S: usize = 20; // of 20

// Set T: a second smoke review of 120 fresh questions (half paraphrases spread over all five
// documents, 25 near misses, 15 small-talk lines), written and judged the same way. Tuned on.
const EN_REVIEW_T: usize = 40; // of 42
const RU_REVIEW_T: usize = 33; // of 38
const OOS_REVIEW_T: usize = 39; // of 40

// Set U: a third smoke review (sixth session), 120 fresh questions (60 paraphrases, 20 facts, 10
// two-part or date questions, 20 near misses, 10 small-talk lines), judged by hand; its patterns
// led the sixth session's knowledge passes. Tuned on.
const EN_REVIEW_U: usize = 43; // of 45
const RU_REVIEW_U: usize = 42; // of 45; was 38: the same
const OOS_REVIEW_U: usize = 30; // of 30

// Set V: a fourth smoke review (sixth session) hunting wrong answers after the session's
// synonym passes: 45 near misses built on the new everyday words, 15 small-talk lines, 45
// paraphrases, 15 facts. It found Russian synonyms that linked words to the wrong concept
// (removed) and answers to other pairs of countries. Tuned on.
const EN_REVIEW_V: usize = 25; // of 30
const RU_REVIEW_V: usize = 27; // of 30
const OOS_REVIEW_V: usize = 55; // of 60

// Set W: a fifth smoke review (sixth session), 100 questions of every kind (30 paraphrases, 15
// facts, 10 two-part or date questions, 10 article questions, 25 near misses, 10 small talk),
// judged by hand. Tuned on.
const EN_REVIEW_W: usize = 32; // of 32
const RU_REVIEW_W: usize = 33; // of 33
const OOS_REVIEW_W: usize = 34; // of 35

// Set X: a sixth smoke review (seventh session), 110 fresh questions (40 paraphrases, 35 near
// misses, 15 facts, 10 two-part or date questions, 10 small talk), judged by hand. Its first
// kind of failure (everyday words not linked to the documents' terms) led the session's
// vocabulary pass. Tuned on.
const EN_REVIEW_X: usize = 28; // of 32
const RU_REVIEW_X: usize = 31; // of 33
const OOS_REVIEW_X: usize = 43; // of 45

// Set Y: a seventh smoke review (seventh session), 110 fresh questions hunting wrong answers (40
// near misses: other pairs of countries, abbreviations, details the documents lack, events
// after 2025, posts held now; 35 paraphrases, 15 facts, 10 two-part or date questions, 10 small
// talk), judged by hand. Tuned on.
const EN_REVIEW_Y: usize = 27; // of 30
const RU_REVIEW_Y: usize = 28; // of 30
const OOS_REVIEW_Y: usize = 50; // of 50

// Set Z: an eighth smoke review (eighth session), 110 fresh questions (34 paraphrases, 16 facts,
// 10 two-part or date questions, 40 near misses, 10 small talk), judged by hand: 83 of 110 as
// judged at e1303c7. Its near misses (time of day, weekday, language, opinions) led the
// session's answer kinds. Tuned on.
const EN_REVIEW_Z: usize = 26; // of 30
const RU_REVIEW_Z: usize = 26; // of 30
const OOS_REVIEW_Z: usize = 49; // of 50

// Sets AB and AC: two reviews written in the fourteenth session by helpers who saw only the
// documents and the eval README (AB: 130 questions, 80 of them near misses and small talk; AC:
// 130, weighted to paraphrases). Tuned on: floors, not estimates.
const EN_REVIEW_AB: usize = 23; // of 25
const RU_REVIEW_AB: usize = 23; // of 25
const OOS_REVIEW_AB: usize = 74; // of 80
const EN_REVIEW_AC: usize = 44; // of 60
const RU_REVIEW_AC: usize = 44; // of 60
const OOS_REVIEW_AC: usize = 10; // of 10

// Set AA, the same way as O (Jaccard < 0.5 to the 4,060 earlier questions, highest 0.462),
// frozen at the start of the fourteenth session (sha256 4dd4c8f8…): run 1 at bae4a6d 35 / 40 /
// 47, run 2 after the session's accuracy work (9df8e8f) 36 / 41 / 47, the floors. Seen from now on.
const EN_BLIND_AA: usize = 36; // of 53
const RU_BLIND_AA: usize = 41; // of 53
const OOS_BLIND_AA: usize = 47; // of 64

// Set AD, the same way (Jaccard < 0.5 to the 4,490 earlier questions, highest 0.474), frozen at
// the start of the fifteenth session (sha256 a04799d5…): run 1 at 1ef79ad 45 / 46 / 54, run 2
// after the session's accuracy work (af3fff0) 45 / 46 / 55, the floors. Seen from now on.
const EN_BLIND_AD: usize = 45; // of 53
const RU_BLIND_AD: usize = 46; // of 53
const OOS_BLIND_AD: usize = 55; // of 64

// Set AE, the same way (Jaccard < 0.5 to the 4,660 earlier questions, highest 0.474), frozen at
// the start of the sixteenth session (sha256 f98f6523…): run 1 at 8504108 45 / 43 / 53, run 2
// after the session's accuracy work (c6bd358) 44 / 43 / 53, the floors. Seen from now on.
const EN_BLIND_AE: usize = 44; // of 53
const RU_BLIND_AE: usize = 43; // of 53
const OOS_BLIND_AE: usize = 53; // of 64

// Set AG, the same way (Jaccard < 0.5 to the 5,030 earlier questions, highest 0.476), frozen at
// the start of the seventeenth session (sha256 acbf7085…): run 1 at ce6b951 47 / 48 / 57, run 2
// after the session's accuracy work (1215a0a) 47 / 48 / 57, the floors. Seen from now on.
const EN_BLIND_AG: usize = 47; // of 53
const RU_BLIND_AG: usize = 48; // of 53
const OOS_BLIND_AG: usize = 57; // of 64

// Set AH, the same way (Jaccard < 0.5 to the 5,200 earlier questions, highest 0.474), frozen at
// the start of the eighteenth session (sha256 989abb6d…): run 1 at 944143d 44 / 45 / 54, run 2
// after the session's accuracy work (a1113df) 44 / 45 / 54, the floors. Seen from now on.
const EN_BLIND_AH: usize = 44; // of 53
const RU_BLIND_AH: usize = 45; // of 53
const OOS_BLIND_AH: usize = 54; // of 64

// Set AI was written (documents and eval README only, Jaccard < 0.5 to the 5,370 earlier
// questions, highest 0.478) and frozen at the start of the nineteenth session (sha256
// 868706fa…), run once at the start (99f6881: 46 / 43 / 53) and once after the session's rule on
// one side's office, its failures not looked at before the second run: 46 / 43 / 53 again, the
// floors. Seen from now on (later changes of that session were made after reading them).
const EN_BLIND_AI: usize = 46; // of 53
const RU_BLIND_AI: usize = 43; // of 53
const OOS_BLIND_AI: usize = 53; // of 64

// Set AJ, the same way (Jaccard < 0.5 to the 5,540 earlier questions, highest 0.478), frozen at
// the start of the twentieth session (sha256 32f08449…): run 1 at db1f36a 48 / 41 / 53, run 2
// after the session's accuracy work (2f1880a) 49 / 41 / 53, the floors. Seen from now on.
const EN_BLIND_AJ: usize = 49; // of 53
const RU_BLIND_AJ: usize = 41; // of 53
const OOS_BLIND_AJ: usize = 53; // of 64

// Set AK, the same way (Jaccard < 0.5 to the 5,710 earlier questions, highest 0.476), frozen at
// the start of the twenty-first session (sha256 3b344b1f…): run 1 at 8bbd48b 46 / 49 / 57, run 2
// after the session's accuracy work (d00dcc2) 46 / 49 / 57 again, the floors. Seen from now on.
const EN_BLIND_AK: usize = 46; // of 53
const RU_BLIND_AK: usize = 49; // of 53
const OOS_BLIND_AK: usize = 57; // of 64

// Set AL, the same way (Jaccard < 0.5 to the 5,880 earlier questions, highest 0.474), frozen at
// the start of the twenty-second session (sha256 ec658aa5…): run 1 at e81640a and run 2 after
// the session's start-up work (530363b) both 41 / 38 / 58 of 53 / 53 / 64. Three 'fact'
// questions on the journal certificate (page furniture, ../shared/seeds/README.md) are
// relabelled as near misses here, as in set AF; on this file the runs are 41 / 38 / 61 of
// 52 / 51 / 67, the floors. Seen from now on.
const EN_BLIND_AL: usize = 41; // of 52
const RU_BLIND_AL: usize = 38; // of 51
const OOS_BLIND_AL: usize = 61; // of 67

// Set AM, the same way (Jaccard < 0.5 to the 6,050 earlier questions, highest 0.476), frozen at
// the start of the twenty-third session (sha256 bbbf24cb…): run 1 at 96a54ae and run 2 after the
// session's accuracy work (6e2140c) both 47 / 48 / 58 of 53 / 53 / 64, the floors. Seen from now
// on.
const EN_BLIND_AM: usize = 47; // of 53
const RU_BLIND_AM: usize = 48; // of 53
const OOS_BLIND_AM: usize = 58; // of 64

// Set AN, the same way (Jaccard < 0.5 to the 6,220 earlier questions, highest 0.474), frozen at
// the start of the twenty-fourth session (sha256 28d538c0…): run 1 at ca1e740 and run 2 after
// the session's accuracy work (19ac424) both 46 / 47 / 60 of 53 / 53 / 64, the floors. Seen from
// now on.
const EN_BLIND_AN: usize = 46; // of 53
const RU_BLIND_AN: usize = 47; // of 53
const OOS_BLIND_AN: usize = 60; // of 64

// Set AO, the same way (Jaccard < 0.5 to the 6,164 distinct earlier questions, highest 0.467),
// frozen at the start of the twenty-fifth session (sha256 92ee2594…): run 1 at 4f77080 and run 2
// after the session's engine work (8965450, same answers on every question) both 46 / 50 / 61
// of 53 / 53 / 64, the floors. Seen from now on.
const EN_BLIND_AO: usize = 46; // of 53
const RU_BLIND_AO: usize = 50; // of 53
const OOS_BLIND_AO: usize = 61; // of 64

// Set AP, the same way (Jaccard < 0.5 to the 6,516 earlier questions, highest 0.474), frozen at
// the start of the twenty-sixth session (sha256 130a6755…): run 1 at d9191f6 44 / 44 / 63 of
// 53 / 53 / 64, tuned on in that session to 49 / 47 / 64, the floors.
const EN_BLIND_AP: usize = 49; // of 53
const RU_BLIND_AP: usize = 47; // of 53
const OOS_BLIND_AP: usize = 64; // of 64

// Set AQ, the same way (Jaccard < 0.5 to the 6,730 earlier questions, highest 0.474), written
// during the twenty-sixth session and first run at 11c64a9: 47 / 39 / 57 of 53 / 53 / 64 (the
// session-start build d9191f6: 46 / 39 / 56). Its failures were read after that run; the floors
// are the session's final figures.
const EN_BLIND_AQ: usize = 48; // of 53
const RU_BLIND_AQ: usize = 41; // of 53
const OOS_BLIND_AQ: usize = 61; // of 64

// Set AR, the same way (Jaccard < 0.5 to the 6,900 earlier questions, highest 0.476), written
// during the twenty-seventh session (sha256 eade08a2…) and first run at this session's start (d45b715 and the same
// figures with its first knowledge changes): 46 / 43 / 59 of 53 / 53 / 64. Its failures were
// read after that run; the floors are the session's final figures (three of its Russian
// questions ask what only the publication certificates print, which the bot leaves alone).
const EN_BLIND_AR: usize = 50; // of 53
const RU_BLIND_AR: usize = 45; // of 53
const OOS_BLIND_AR: usize = 62; // of 64

// Set AS, the same way (Jaccard < 0.5 to the 7,070 earlier questions, highest 0.467), written
// during the twenty-eighth session (sha256 bc30d55d…) and first run at that session's start
// (729c173): 42 / 44 / 57 of 53 / 53 / 64. Its failures were read after that run; the floors are
// the session's final figures.
const EN_BLIND_AS: usize = 43; // of 53
const RU_BLIND_AS: usize = 45; // of 53
                               // Raised to 64 in the twenty-ninth session, which tuned on AS, AT and AU (seen) as on the
                               // other earlier sets.
const OOS_BLIND_AS: usize = 64; // of 64

// Set AT, written alongside AS by another helper the same way (Jaccard < 0.5 to the 7,070
// earlier questions, highest 0.478; five questions 0.6–0.78 to AS questions written at the same
// time; sha256 b6dade0a…), kept unread until the twenty-eighth session's last build and never
// tuned on: 44 / 44 / 59 of 53 / 53 / 64 there (the session-start build 729c173: 44 / 43 / 59).
// Raised in the twenty-ninth session (tuned on as a seen set): 46 / 44 / 61.
const EN_BLIND_AT: usize = 46; // of 53
const RU_BLIND_AT: usize = 44; // of 53
const OOS_BLIND_AT: usize = 61; // of 64
                                // (AT's failures were read for the closing note after that run, so AU below is the final set.)

// Set AU, written during the twenty-eighth session the same way (Jaccard < 0.5 to the 7,410
// earlier questions, AS and AT included, highest 0.476; sha256 4d3cc027…), kept unread and run
// once at that session's last build but one (run 1): 42 / 44 / 56 of 53 / 53 / 64 (the
// session-start build 729c173: 42 / 46 / 57). Two small-talk changes followed, which the test
// that asks every question after other answers required: "🤝🤝 deal then" was answered, and
// read otherwise after an answer ("deal then" is now an acknowledgement: 57 declined); "roger,
// got it, moving on" was declined but answered after an answer ("roger" an acknowledgement,
// "moving" filler).
// Raised in the twenty-ninth session (tuned on as a seen set): 45 / 45 / 62.
const EN_BLIND_AU: usize = 45; // of 53
const RU_BLIND_AU: usize = 45; // of 53
const OOS_BLIND_AU: usize = 62; // of 64

// Set AV, written at the start of the twenty-ninth session the same way (Jaccard < 0.5 to the
// 7,580 earlier questions, AU included, highest 0.471; sha256 2f18ed30…) and first run at that
// session's start (891d0e7): 44 / 46 / 63 of 53 / 53 / 64. Its failures were read after that
// run (the session tunes on it); the floors are the session's figures (one Russian question,
// av138, is a tie at 1.0 between two entries that the "three/три/трёх" synonyms flipped).
const EN_BLIND_AV: usize = 46; // of 53
const RU_BLIND_AV: usize = 45; // of 53
const OOS_BLIND_AV: usize = 64; // of 64

// Set AW, written alongside AV by another helper the same way (Jaccard < 0.5 to the 7,580
// earlier questions and to AV, highest 0.429; sha256 dcf70625…), run once at the twenty-ninth
// session's start (891d0e7: 44 / 40 / 60 of 53 / 53 / 64, figures only) and once at its last
// engine build (7c977a8: 44 / 41 / 60, the floors); never tuned on. Its failures were read for
// the closing note after that run, so it is seen from then on.
const EN_BLIND_AW: usize = 44; // of 53
const RU_BLIND_AW: usize = 41; // of 53
const OOS_BLIND_AW: usize = 60; // of 64

// Sets BA and BB, written at the start of the thirty-first session by two helpers who saw only
// the documents and ../shared/eval/README.md (sha256 ee206ceb… and dececdee…). Unlike the
// earlier sets they were not screened against the earlier questions: 95 of BA's and 100 of
// BB's questions have Jaccard >= 0.5 to one of the 7,920 earlier questions (31 and 34 >= 0.8),
// so their figures overstate; the closing note also gives the figures on the rest.
// BA (tuned on, as the session's seen set): 50 / 50 / 64 at the session's start (eb9f6f7),
// 52 / 50 / 64 at its end, the floors.
const EN_BLIND_BA: usize = 52; // of 53
const RU_BLIND_BA: usize = 50; // of 53
const OOS_BLIND_BA: usize = 64; // of 64

// BB (never tuned on, its failures unread): 50 / 47 / 61 at the session's start (eb9f6f7) and
// at its last build (0d7c480; the phrasings reworded after it change no answer), the floors.
const EN_BLIND_BB: usize = 50; // of 53
const RU_BLIND_BB: usize = 47; // of 53
const OOS_BLIND_BB: usize = 61; // of 64

// Set BC, written during the thirty-first session by a helper who saw only the documents and
// ../shared/eval/README.md and who screened it (with a script that never showed them) to
// Jaccard < 0.5 against all 8,260 earlier questions and within itself (sha256 66ee8fb7…). Never
// tuned on: run at the session's start (eb9f6f7: 42 / 46 / 62) and once at its last engine
// build (f11add4: 43 / 47 / 62, the floors); its failures were read for the closing note after
// that run. Thirty-second session: 44 / 47 / 62 after the long-question threshold (aff7c46).
const EN_BLIND_BC: usize = 44; // of 53
const RU_BLIND_BC: usize = 48; // of 53
const OOS_BLIND_BC: usize = 62; // of 64

// Sets BD and BE, written during the thirty-second session like BC (documents and eval README
// only, screened to Jaccard < 0.5 against every earlier question; sha256 d6e70e59… and
// 7c44ee23…). Never tuned on. BD was run at the session's start (1e6932b: 49 / 46 / 63) and its
// failures were printed then; BE was frozen before the session's accuracy changes and only its
// totals were read until its final run (39daa27 and 85cec94: BD 50 / 46 / 63, BE 47 / 49 / 61).
// General fixes then came from BE's failures (20891aa, 6c7be80, 8dc60a1, 51afa61): BE 50 / 49 /
// 63 since, a tuned set from there on.
const EN_BLIND_BD: usize = 50; // of 53
const RU_BLIND_BD: usize = 47; // of 53
const OOS_BLIND_BD: usize = 63; // of 64
const EN_BLIND_BE: usize = 51; // of 53
const RU_BLIND_BE: usize = 50; // of 53
const OOS_BLIND_BE: usize = 63; // of 64

// Set BF, written at the start of the thirty-third session like BD and BE (documents and eval
// README only, screened to Jaccard < 0.5; sha256 6cc7389f…), frozen before the session's changes.
// Only its totals were read (58a07c7: 50 / 48 / 57; accb73f: 50 / 49 / 58) until the final build
// (7ea1768: 50 / 49 / 58), then its failures. Tuned on after that: "в 4-й или в 5-й статье" offers
// two articles, "тадж" is Tajikistan (50 / 50 / 59).
const EN_BLIND_BF: usize = 50; // of 53
const RU_BLIND_BF: usize = 52; // of 53 (50 at the thirty-third session's end)
const OOS_BLIND_BF: usize = 62; // of 64 (59 at the thirty-third session's end)

// Set BI, written at the start of the thirty-fourth session like BF (documents and eval README
// only, screened to Jaccard < 0.5; sha256 fbdc6b06…), frozen before the session's changes. Only
// its totals were read (dbcfc33: 45 / 47 / 58) until the final build (457343f: 45 / 47 / 59),
// then its failures. Tuned on after that: "which cities" asks for a place, a name-word may stand
// five words before its office ("name of the Uzbek MFA spokesperson") (45 / 47 / 61); "между
// окончанием" names an event's end in the timeline (45 / 48 / 61); an ordinal before "president"
// numbers a person the answer names without it ("при втором президенте") (45 / 49 / 61). bi153, a
// near miss that happens to repeat a phrasing the knowledge base already had, is dropped here
// (the copy test): the floors below are of 63 out-of-scope questions.
const EN_BLIND_BI: usize = 45; // of 53
const RU_BLIND_BI: usize = 49; // of 53
const OOS_BLIND_BI: usize = 60; // of 63

// Set BL, written at the start of the thirty-fifth session like BI (documents and eval README
// only, screened to Jaccard < 0.5; sha256 c559fcdc…), frozen before the session's changes. Only
// its totals were read (8c66820: 47 / 47 / 59) until the final build (15919e4: 47 / 47 / 59),
// then its failures. Set BN, written the same way during that session and never tuned on
// (sha256 ac1fb3a1…): 8c66820 47 / 47 / 58, 15919e4 the same; after its final run, small talk
// around "assistant" and "chat" (47 / 47 / 60).
// Tuned on in the thirty-sixth session (the entry-into-force date, the $10bn target year, the
// SIHM's cost, the Tajik alliance's day): 47 / 47 / 62 and 47 / 47 / 61.
const EN_BLIND_BL: usize = 47; // of 53
const RU_BLIND_BL: usize = 47; // of 53
const OOS_BLIND_BL: usize = 62; // of 64
const EN_BLIND_BN: usize = 47; // of 53
const RU_BLIND_BN: usize = 47; // of 53
const OOS_BLIND_BN: usize = 61; // of 64

// Sets BO and BP, written at the start of the thirty-sixth session by two helpers that saw only
// the documents and the eval README, screened to Jaccard < 0.5 and frozen (sha256 f244bf8b…,
// 37381e34…) before the session's first change was measured. Only their totals were read, at
// the session's start build (4360f39: BO 48 / 49 / 61, BP 48 / 48 / 59) and at its final build
// (4de92f9: BO 48 / 49 / 61, BP 48 / 48 / 60), then their failures. One BO row (bo048) that a
// phrasing of the knowledge base, written sessions earlier, happens to repeat is left out of
// this copy (ru 48 of 52).
const EN_BLIND_BO: usize = 48; // of 53
const RU_BLIND_BO: usize = 48; // of 52
const OOS_BLIND_BO: usize = 62; // of 64
const EN_BLIND_BP: usize = 48; // of 53
const RU_BLIND_BP: usize = 48; // of 53
const OOS_BLIND_BP: usize = 60; // of 64

// Sets BR and BS, written at the start of the thirty-seventh session by two helpers that saw only
// the documents and the eval README, screened to Jaccard < 0.5 and frozen (sha256 in the README)
// before the session's first change was measured. Only their totals were read, at the session's
// start build (7bdb115: BR 46 / 49 / 56, BS 44 / 44 / 55) and at its final engine (BR 46 / 49 /
// 56, BS 45 / 44 / 55), then their failures. One BR row (br123) that a phrasing of the knowledge
// base, written sessions earlier, happens to repeat is left out of this copy (ru 48 of 52).
const EN_BLIND_BR: usize = 46; // of 53
const RU_BLIND_BR: usize = 49; // of 52 (raised to the thirty-eighth session's engine)
const OOS_BLIND_BR: usize = 59; // of 64 (56 at the final engine; 57 after the count-off rule; 59 in session 38)
const EN_BLIND_BS: usize = 45; // of 53
const RU_BLIND_BS: usize = 44; // of 53
const OOS_BLIND_BS: usize = 56; // of 64 (raised in session 38)

// Sets BW and BX: 170 questions each that two helpers wrote at the thirty-eighth session's start
// from the documents and the eval README alone (same composition as BR and BS, screened to
// Jaccard < 0.5), frozen (sha256 271c191d… and a20f5760…) and read only as totals at the start
// build (78245a5: BW 49 / 45 / 59, BX 46 / 49 / 56) and at the final engine (9b80d3a: BW 48 / 45 /
// 59, BX 45 / 49 / 59), then their failures. The two in-scope questions lost at the final engine
// (bw053, bx106) came from a decline entry on Zhailin's Reading degree that was too broad; it was
// narrowed after that measurement, so these floors are no longer blind. One BW typo row (bw052),
// whose real word "heard" the copy check reads as a stored misspelling, is left out (en of 52).
const EN_BLIND_BW: usize = 49; // of 52
const RU_BLIND_BW: usize = 45; // of 53
const OOS_BLIND_BW: usize = 59; // of 64
const EN_BLIND_BX: usize = 47; // of 53 (45 at the final engine; bx106 and bx069 after it)
const RU_BLIND_BX: usize = 49; // of 53
const OOS_BLIND_BX: usize = 59; // of 64

// Sets BZ and CA: 170 questions each that two helpers wrote at the thirty-ninth session's start
// from the documents and the eval README alone (same composition as BW and BX; each then reworded
// by a second helper until no question had a word-set Jaccard of 0.5 or more with any earlier
// question), frozen (sha256 c9ddef09… and a01b7506…) and read only as totals at the start build
// (c841e0b: BZ 49 / 47 / 59, CA 48 / 46 / 59) and at the final engine (4a435e2: BZ 49 / 47 / 59,
// CA 49 / 46 / 60), then their failures; rules came after that (ca112: "сколько в итоге"; ca136:
// "интересы в науке").
// bz044 is left out of the copy: a Russian phrasing stored long before matches it word for word.
const EN_BLIND_BZ: usize = 49; // of 53
const RU_BLIND_BZ: usize = 46; // of 52
const OOS_BLIND_BZ: usize = 59; // of 64
const EN_BLIND_CA: usize = 49; // of 53
const RU_BLIND_CA: usize = 48; // of 53
const OOS_BLIND_CA: usize = 60; // of 64

// Sets CC and CD: blind sets of the fortieth session, 170 questions each in BZ's composition,
// written by two helpers from the documents and the eval README alone, reworded by two more until
// the screen (word-set Jaccard >= 0.5 to any earlier question) flagged none, frozen (sha256
// 9f53e08a… and c16dbb85…) and read only as totals at the start build (5c92026: CC 45 / 46 / 59,
// CD 48 / 48 / 57) and at the final engine (the same), then their failures. Five lines
// are left out of the copies (CC018, CC034, CD018, CD039, CD141): phrasings or words stored long
// before ("super", "межгос", "meetup") match them. After the measurement one rule came from CC's
// failures (cc006: NATO is an entity, so "nato art 5" names no article of this treaty, and the
// entry saying no article makes an attack on one an attack on both answers "which article"), so
// the copies are no longer blind; cd028 too ("названия" is a keyword of the entry saying the
// biography names no think tank).
const EN_BLIND_CC: usize = 45; // of 52
const RU_BLIND_CC: usize = 45; // of 52
const OOS_BLIND_CC: usize = 59; // of 64
const EN_BLIND_CD: usize = 47; // of 52
const RU_BLIND_CD: usize = 46; // of 51
const OOS_BLIND_CD: usize = 58; // of 64

// Sets CG and CH: blind sets of the forty-first session, 170 questions each in BZ's composition,
// written by two helpers from the documents and the eval README alone, reworded by two more until
// the screen flagged none, frozen (sha256 cf52eee6… and 082eda05…) and read only as totals at the
// start build (b17699b: CG 48 / 48 / 54, CH 49 / 45 / 56) and at the engine of bb0ecc3 (the
// same), then their failures. After that rules came from their failures (a third state's
// reaction, "lists" naming who says it, "диплом историка"), so the copies are no longer blind. CG005 is left out of the copy: its word "грузовики" is stored.
const EN_BLIND_CG: usize = 48; // of 53
const RU_BLIND_CG: usize = 47; // of 52
const OOS_BLIND_CG: usize = 58; // of 64
const EN_BLIND_CH: usize = 50; // of 53
const RU_BLIND_CH: usize = 46; // of 53
const OOS_BLIND_CH: usize = 56; // of 64

// Set AF: 200 questions a helper wrote (documents and eval README only, Jaccard < 0.5 to earlier
// sets) for tuning in the sixteenth session; four 'fact' questions on the journal certificate
// (page furniture) relabelled as near misses. Tuned on: a floor, not an estimate.
const EN_REVIEW_AF: usize = 51; // of 61
const RU_REVIEW_AF: usize = 54; // of 63
const OOS_REVIEW_AF: usize = 69; // of 76

// Set R: a ninth smoke review (ninth session), 110 fresh questions (20 paraphrases, 16 facts,
// 10 typos, 10 articles, 14 two-part or date questions, 40 out of scope: 12 small talk, 28 near
// misses), judged by hand: 85 of 110 at the session's start (ed41cb7: 24/35, 29/35, 32/40). Its
// small talk, money cues and capital-named events were fixed. Tuned on.
const EN_REVIEW_R: usize = 32; // of 35
const RU_REVIEW_R: usize = 33; // of 35
const OOS_REVIEW_R: usize = 39; // of 40

// Set Q: a tenth smoke review (tenth session), 110 fresh questions (16 facts, 16 paraphrases,
// 12 typos, 12 articles, 14 two-part or date questions, 40 out of scope: 12 small talk, 28 near
// misses), judged by hand: 92 of 110 at 6856f7c (28/35, 31/35, 33/40). Its years the documents
// never mention, "what site" and a thank-you were fixed. Tuned on.
const EN_REVIEW_Q: usize = 32; // of 35
const RU_REVIEW_Q: usize = 35; // of 35
const OOS_REVIEW_Q: usize = 37; // of 40

// Set BG (thirty-third session): 196 out-of-scope questions only (per language 60 near misses,
// 25 everyday trivia, 15 small talk), written by a helper who saw only ../shared/seeds and the
// eval README, to find near misses answered. 167 declined at the session's start (58a07c7);
// tuned on after that: everyday topics, requests to translate, thanks naming their subject,
// translators and photographers, tenure. A few rows ask what an entry answers only with "the
// documents give no more" (Askeroğlu's think tanks): answered, so counted as failures. Four rows
// that happened to repeat phrasings the knowledge base already had were dropped (the copy test).
// 180 until a review found "time difference" (a time-zone cue) taking "the time difference
// between the 1998 treaty and the alliance": the cue went, and bg064 (Astana and Tashkent's time
// difference) is answered again.
const OOS_REVIEW_BG: usize = 179; // of 196

// Set BH (thirty-third session): 198 more (per language 30 paraphrases worded without the
// documents' key words, 10 facts, 10 typos, 50 out of scope), written the same way. At the
// session's start (58a07c7): en 47/50, ru 48/50, out of scope 95/100; tuned on after that. Two
// rows repeating phrasings the knowledge base already had were dropped (the copy test).
const EN_REVIEW_BH: usize = 47; // of 50
const RU_REVIEW_BH: usize = 48; // of 50
const OOS_REVIEW_BH: usize = 94; // of 98

// Set BJ (thirty-fourth session): 200 out-of-scope questions (per language 80 near misses, 20
// small talk with topic words), written by a helper who saw only ../shared/seeds and the eval
// README. 169 declined at the session's start (dbcfc33); tuned on after that: money spent,
// when the next summit is, a choice between places, degrees, days something ran, "2024м". One
// row repeating a small-talk cue of the knowledge base was dropped (the copy test). 183 until a
// review found cues too broad ("is it still", "в итоге стали", thanks after "appreciate");
// without them three rows are answered again. Some rows ask what an entry answers with "as of
// the column, not yet" (the Kyrgyz alliance): answered, so counted as failures.
const OOS_REVIEW_BJ: usize = 180; // of 199

// Set BK (thirty-fourth session): 160 questions (per language 40 paraphrases described without
// the documents' key words, 20 facts, 10 typos, 10 out of scope), written the same way. At
// 0908ca7, right after it was written: en 62/70, ru 52/69 (one row repeating a phrasing of
// the knowledge base dropped), out of scope 19/20; tuned on after that: slang and words the
// knowledge base lacked ("meetup", "caucasian", "elite", "доки", "жратва", "совместная группа").
const EN_REVIEW_BK: usize = 65; // of 70
const RU_REVIEW_BK: usize = 56; // of 69
const OOS_REVIEW_BK: usize = 19; // of 20

// Set BM (thirty-fifth session): 200 questions (per language 50 paraphrases, 20 facts, 10
// typos, 20 near misses), written from the documents alone. At 1457bf8, right after it was
// written: en 62/80, ru 68/80, out of scope 31/40; tuned on after that (the percent kind,
// authors' evidence, "мотор", "плотно", "which uzbek city"). Two rows repeating phrasings of
// the knowledge base are left out.
const EN_REVIEW_BM: usize = 63; // of 79
const RU_REVIEW_BM: usize = 70; // of 79
const OOS_REVIEW_BM: usize = 32; // of 40

// Set P: an eleventh smoke review (tenth session), 80 fresh questions (12 facts, 16 paraphrases,
// 8 typos, 8 articles, 8 two-part or date questions, 28 out of scope: 8 small talk, 20 near
// misses), judged by hand: 69 of 80 at f6f6338 (24/26, 21/26, 24/28). Its two small-talk
// failures were fixed. Tuned on.
const EN_REVIEW_P: usize = 25; // of 26
const RU_REVIEW_P: usize = 23; // of 26
const OOS_REVIEW_P: usize = 27; // of 28

// BQ (thirty-sixth session): 200 questions a helper wrote from the documents alone, 160 of
// them out of scope (120 near misses, 40 small talk), to find kinds of decline failure. At
// 4360f39 (before the session's rules; measured on its first run at f4c9dbb, which changed
// none of its answers): en 19/20, ru 18/20, out of scope 127/160; tuned on after that (the
// reason kind, small talk, tenure cues). A helper's review then found cues that misfired
// ("did that happen or not" about events the documents report, "inaugurated" for a centre's
// opening, "general" as an office in "what general principles"), which were taken out.
const EN_REVIEW_BQ: usize = 19; // of 20
const RU_REVIEW_BQ: usize = 18; // of 20
const OOS_REVIEW_BQ: usize = 133; // of 160

// Sets BT (facts and paraphrases), BU (near misses and small talk) and BV (paraphrases and date
// arithmetic): 240 questions each that helpers wrote in the thirty-seventh session from the
// documents and the eval README alone, to find kinds of failure; tuned on, so floors, not
// estimates. Rows that a knowledge-base phrasing repeats are left out (BT 238, BU 238, BV 236).
// First read (whole files): BT at b7d6ca2, en 74/85, ru 74/85, out of scope 64/70; BU and BV with
// part of 6fb968a, BU 33/40, 29/40, 135/160, BV 88/100, 81/100, 36/40. The floors are what the
// session's final engine scores on these copies.
const EN_REVIEW_BT: usize = 75; // of 85 (floors raised to session 38's engine)
const RU_REVIEW_BT: usize = 74; // of 83
const OOS_REVIEW_BT: usize = 67; // of 70
const EN_REVIEW_BU: usize = 33; // of 39
const RU_REVIEW_BU: usize = 31; // of 40
const OOS_REVIEW_BU: usize = 140; // of 159
const EN_REVIEW_BV: usize = 91; // of 97
const RU_REVIEW_BV: usize = 83; // of 100
const OOS_REVIEW_BV: usize = 37; // of 39

// Set BY: 240 questions (80 of them near misses and small talk per language) that a helper wrote
// in the thirty-eighth session from the documents and the eval README alone, to find kinds of
// failure; tuned on, so floors, not estimates. First read at 78245a5: en 36/40, ru 37/40, out of
// scope 124/160. The floors are what the session's final engine scores.
const EN_REVIEW_BY: usize = 37; // of 40
const RU_REVIEW_BY: usize = 39; // of 40
const OOS_REVIEW_BY: usize = 139; // of 160

// Set CB: 240 questions (80 of them near misses and small talk per language) that a helper wrote
// in the thirty-ninth session from the documents and the eval README alone, screened against every
// earlier question; tuned on, so floors, not estimates. First read at c841e0b: en 36/40, ru 28/40,
// out of scope 128/160. cb232 is left out of the copy: the copy check reads its chat spelling
// "типо", stored long before, as a copied misspelling. The floors are what the session's final
// engine scores (after a review took back rules that misfired: "still in force" as a question
// about the current state, dates read sentence by sentence).
const EN_REVIEW_CB: usize = 36; // of 40
const RU_REVIEW_CB: usize = 28; // of 39
const OOS_REVIEW_CB: usize = 134; // of 160

// Sets CE and CF: 240 questions each that helpers wrote in the fortieth session from the
// documents and the eval README alone (CE: 80 near misses and small talk per language; CF: more
// Russian in-scope questions with typos and two-part questions), to find kinds of failure; tuned
// on, so floors, not estimates. First read at 5c92026: CE en 37/40, ru 35/40, out of scope
// 141/160; CF en 57/60, ru 76/80, out of scope 93/100. Thirteen lines are left out of the copies
// (CE012, CE074, CE088, CE099, CE151, CE166, CE176, CE195, CF035, CF053, CF084, CF137, CF216):
// phrasings stored long before match them almost word for word. The floors are what the
// session's final engine scores.
const EN_REVIEW_CE: usize = 39; // of 40
const RU_REVIEW_CE: usize = 37; // of 38
const OOS_REVIEW_CE: usize = 146; // of 154
const EN_REVIEW_CF: usize = 56; // of 59
const RU_REVIEW_CF: usize = 78; // of 79
const OOS_REVIEW_CF: usize = 92; // of 97

// Sets CI and CJ: 240 questions each that helpers wrote in the forty-first session from the
// documents and the eval README alone (CI: CE's composition; CJ: 90 near misses and small talk
// per language), to find kinds of failure; tuned on, so floors, not estimates. First read at
// b17699b: CI en 39/40, ru 37/40, out of scope 153/160; CJ en 30/30, ru 28/30, out of scope
// 161/180. Ten lines are left out of the copies (CI033, CI173, CI176, CJ009, CJ031, CJ043, CJ160,
// CJ185, CJ206, CJ237): phrasings stored long before match them almost word for word. The floors
// are what the session's final engine scores.
const EN_REVIEW_CI: usize = 40; // of 40
const RU_REVIEW_CI: usize = 37; // of 40
const OOS_REVIEW_CI: usize = 153; // of 157
const EN_REVIEW_CJ: usize = 30; // of 30
const RU_REVIEW_CJ: usize = 27; // of 29
const OOS_REVIEW_CJ: usize = 162; // of 174

// Set CK: a blind set of the forty-second session, 170 questions in BZ's composition written by a
// helper from the documents and the eval README alone, reworded by another until the screen
// flagged none, frozen (sha256 b76acfcb…) and read once, at the start build (5507a9f: en 47/53,
// ru 46/53, out of scope 57/64). Its failures were read right after and rules came from them, so
// the copy is a tuning set now. Sets CM and CN: 240 questions each that helpers wrote in the same
// session for tuning (CM: 80 near misses and small talk per language; CN: two thirds Russian).
// First read at 5507a9f: CM en 39/40, ru 38/40, out of scope 141/160; CN en 39/40, ru 94/100, out
// of scope 95/100. Fourteen lines are left out of the copies (CK040, CK105, CM016, CM058, CM066,
// CM115, CM116, CM121, CM152, CM221, CN007, CN029, CN065, CN083): stored phrasings or words match
// them almost word for word. The floors are what the session's final engine scores.
const EN_BLIND_CK: usize = 51; // of 53
const RU_BLIND_CK: usize = 49; // of 51
const OOS_BLIND_CK: usize = 61; // of 64
const EN_REVIEW_CM: usize = 39; // of 39
const RU_REVIEW_CM: usize = 36; // of 38
const OOS_REVIEW_CM: usize = 137; // of 155
const EN_REVIEW_CN: usize = 39; // of 40
const RU_REVIEW_CN: usize = 92; // of 96
const OOS_REVIEW_CN: usize = 99; // of 100

// Set CL: the other blind set of the forty-second session, written, reworded and frozen like CK
// (sha256 84ddf6a2…), kept unread until the session's rules were done and read as totals at the
// start build (5507a9f: en 45/53, ru 47/53, out of scope 59/64) and at the final engine
// (3083519: en 46/53, ru 47/53, out of scope 59/64). After that two rules came from its failures
// ("потом … или нет" asks what came after the documents; "сказала про" asks a state's reaction),
// so the copy is no longer blind. CL090 is left out of the copy: a small-talk cue stores it.
const EN_BLIND_CL: usize = 46; // of 53
const RU_BLIND_CL: usize = 47; // of 53
const OOS_BLIND_CL: usize = 60; // of 63

// Sets CO and CP: the two blind sets of the forty-third session, written by two helpers from the
// documents and the eval README alone (170 questions each, BZ's composition; each helper
// reworded its own lines the screen flagged until none was) and frozen (sha256 cdd2880e… and
// a132f5dd…). CO was read once at the start build (2c69782: en 40/53, ru 40/53, out of scope
// 57/64) and tuned on since; CP stayed unread and was read as totals at the start build (en
// 48/53, ru 46/53, out of scope 62/64) and at the final engine (the same: no question changed
// outcome). Left out of the copies, because stored phrasings or words match them: CO002, CO093
// and CP034.
const EN_BLIND_CO: usize = 44; // of 52
const RU_BLIND_CO: usize = 42; // of 52
const OOS_BLIND_CO: usize = 59; // of 64
const EN_BLIND_CP: usize = 48; // of 53
const RU_BLIND_CP: usize = 45; // of 52
const OOS_BLIND_CP: usize = 62; // of 64

// Sets CQ and CR: tuning sets of the forty-third session, written by helpers from the documents
// alone, CQ with 140 near misses and small talk of 240, CR two thirds Russian; read at once and
// tuned on. Left out of the copies: CQ028, CQ094 and CR236.
const EN_REVIEW_CQ: usize = 49; // of 50
const RU_REVIEW_CQ: usize = 45; // of 50
const OOS_REVIEW_CQ: usize = 127; // of 138
const EN_REVIEW_CR: usize = 45; // of 50
const RU_REVIEW_CR: usize = 94; // of 109
const OOS_REVIEW_CR: usize = 74; // of 80

// Sets CS and CT: the two blind sets of the forty-fourth session, written by two helpers from the
// documents and the eval README alone (170 questions each, BZ's composition; each helper
// reworded its own lines the screen flagged until none was) and frozen (sha256 4158d052… and
// a06738a8…). CS was read once at the start build (802153f: en 48/53, ru 43/53, out of scope
// 60/64) and tuned on since; CT stayed unread and was read as totals at the start build (en
// 45/53, ru 46/53, out of scope 60/64) and at the final engine (the same: no question changed
// outcome, two of 170 replies changed at all). Left out of the copies, because stored
// phrasings or words match them: CS108, CS113, CT039, CT138 and CT144.
const EN_BLIND_CS: usize = 49; // of 52
const RU_BLIND_CS: usize = 47; // of 52
const OOS_BLIND_CS: usize = 62; // of 64
const EN_BLIND_CT: usize = 45; // of 53
const RU_BLIND_CT: usize = 44; // of 51
const OOS_BLIND_CT: usize = 59; // of 63

// Sets CU, CV, CW and CX: tuning sets of the forty-fourth session, written by helpers from the
// documents alone: CU two thirds Russian, CV 140 near misses and small talk of 240, CW 80 timeline
// questions, CX paraphrases in everyday words; read at once and tuned on. Left out of the copies:
// CU134, CU141, CU146, CU147, CU152, CV063, CW158, CW228 and CX209.
const EN_REVIEW_CU: usize = 49; // of 50
const RU_REVIEW_CU: usize = 99; // of 105
const OOS_REVIEW_CU: usize = 80; // of 80
const EN_REVIEW_CV: usize = 47; // of 50
const RU_REVIEW_CV: usize = 48; // of 50
const OOS_REVIEW_CV: usize = 120; // of 139
const EN_REVIEW_CW: usize = 58; // of 73
const RU_REVIEW_CW: usize = 63; // of 73
const OOS_REVIEW_CW: usize = 87; // of 92
const EN_REVIEW_CX: usize = 71; // of 79
const RU_REVIEW_CX: usize = 68; // of 80
const OOS_REVIEW_CX: usize = 76; // of 80

// Sets CY, CZ and DC: blind sets of the forty-fifth session, written by helpers from the documents
// and the eval README alone (170 questions each, BZ's composition; each helper reworded its own
// lines the screen flagged until none was) and frozen (sha256 7f991d7c…, 0049c24b…, 2b99bcf0…).
// CY was read once at the start build (b6e6462: en 47/53, ru 40/53, out of scope 55/64) and tuned
// on since. CZ was read as totals at the start build (en 48/53, ru 43/53, out of scope 62/64); a
// stale output file showed its failures mid-session, so it became a tuning set too. DC, written
// then, stayed unread: totals at the start build and at the final engine were the same (en
// 50/53, ru 46/53, out of scope 63/64; one of 170 replies changed). Left out of the copies,
// because stored phrasings or words match them: CY151, CY161, DC066, DC126, DC156 and DC168.
const EN_BLIND_CY: usize = 49; // of 52
const RU_BLIND_CY: usize = 41; // of 52
const OOS_BLIND_CY: usize = 58; // of 64
const EN_BLIND_CZ: usize = 50; // of 53
const RU_BLIND_CZ: usize = 44; // of 53
const OOS_BLIND_CZ: usize = 62; // of 64
const EN_BLIND_DC: usize = 49; // of 52
const RU_BLIND_DC: usize = 43; // of 50
const OOS_BLIND_DC: usize = 63; // of 64

// Sets DA and DB: tuning sets of the forty-fifth session, written by helpers from the documents
// alone: DA paraphrases in everyday words, DB 70 small talk and 70 near misses of 240; read at
// once and tuned on. Left out of the copies: DA003, DA171 and DB137.
const EN_REVIEW_DA: usize = 57; // of 79
const RU_REVIEW_DA: usize = 65; // of 79
const OOS_REVIEW_DA: usize = 77; // of 80
const EN_REVIEW_DB: usize = 42; // of 50
const RU_REVIEW_DB: usize = 44; // of 49
const OOS_REVIEW_DB: usize = 131; // of 140

// Set DD: the blind set of the forty-sixth session, written at its start by a helper from the
// documents and the eval README alone (170 questions, BZ's composition; 132 lines flagged by the
// screen at first, reworded until none was) and frozen (sha256 263281cd…). Read as totals at the
// start build (b7139ac) and at the final engine: the same (en 49/53, ru 40/53, out of scope 61/64;
// no question changed outcome). Its failures were seen only after that final reading, when the
// copy was run with every file; nothing was tuned after.
// Read by the forty-seventh session as a seen set (its failures named kinds of failure): raised to
// en 49/53, ru 45/53, out of scope 63/64. Forty-eighth session: raised to en 50/53, ru 47/53.
const EN_BLIND_DD: usize = 50; // of 53
const RU_BLIND_DD: usize = 47; // of 53
const OOS_BLIND_DD: usize = 63; // of 64

// Set DE: the tuning set of the forty-sixth session, written by a helper from the documents alone
// (240 questions, two thirds Russian, in everyday and chat words), read at once and tuned on
// (start b7139ac: en 43/50, ru 84/100, out of scope 84/90). Left out of the copy, because stored
// phrasings or words match them: DE010, DE032 and DE110.
const EN_REVIEW_DE: usize = 45; // of 49
const RU_REVIEW_DE: usize = 93; // of 98 (raised in the forty-eighth session)
const OOS_REVIEW_DE: usize = 89; // of 90

// Set DF: the blind set of the forty-seventh session, written at its start by a helper from the
// documents and the eval README alone (170 questions, BZ's composition; 137 lines flagged by the
// screen at first, reworded until none was) and frozen (sha256 3da5a1e1…). Read as totals at the
// start build (fa6265f) and at the final engine: the same (en 45/53, ru 47/53, out of scope
// 62/64); no reply to it changed at all, in entry, outcome or text. Its failures were then read
// for kinds of failure (nine of sixteen were time arithmetic) and the floors raised to the figures
// after that tuning (en 47/53, ru 50/53, out of scope 62/64): it is no longer blind.
const EN_BLIND_DF: usize = 47; // of 53
const RU_BLIND_DF: usize = 51; // of 53 (raised in the forty-eighth session)
const OOS_BLIND_DF: usize = 62; // of 64

// Set DG: the tuning set of the forty-seventh session, written like DE (240 questions, two thirds
// Russian), read at once and tuned on (start fa6265f: en 44/50, ru 82/100, out of scope 85/90).
// Left out of the copy, because stored words match them: DG172 and DG232.
const EN_REVIEW_DG: usize = 48; // of 50 (raised in the forty-eighth session)
const RU_REVIEW_DG: usize = 90; // of 98 (raised in the forty-eighth session)
const OOS_REVIEW_DG: usize = 89; // of 90

// Set DH: the blind set of the forty-eighth session, written at its start by a helper from the
// documents and the eval README alone (170 questions, BZ's composition; 141 lines flagged by the
// screen at first, reworded until none was) and frozen (sha256 753495ce…). Read as totals at the
// start build (c24558a: en 49/53, ru 47/53, out of scope 62/64) and at the final engine (en
// 49/53, ru 47/53, out of scope 63/64; one reply of 170 changed). Its failures were read only
// after that final reading, and nothing was tuned after. Left out of the copy, because the copy
// check reads real words of theirs stored long before as copied misspellings: DH011 ("cousin")
// and DH036 ("дружили"). The floors are the copy's figures at that final engine.
const EN_BLIND_DH: usize = 49; // of 52
const RU_BLIND_DH: usize = 46; // of 52
const OOS_BLIND_DH: usize = 63; // of 64

// Set DI: the tuning set of the forty-eighth session, written by a helper from the documents alone
// (240 questions, two thirds English, in everyday and chat words), read at once and tuned on
// (start c24558a: en 87/100, ru 43/50, out of scope 85/90; end en 95/100, ru 46/50, 89/90). Left
// out of the copy, because stored words match them: DI074 ("ваще") and DI146 ("июль").
const EN_REVIEW_DI: usize = 95; // of 100
const RU_REVIEW_DI: usize = 44; // of 48
const OOS_REVIEW_DI: usize = 89; // of 90

// Set DJ: the blind set of the forty-ninth session, written at its start by a helper from the
// documents and the eval README alone (170 questions, BZ's composition; 136 lines flagged by the
// screen at first, reworded until none was) and frozen (sha256 af7e76f6…). Read as totals at the
// start build (6b195e1: en 47/53, ru 44/53, out of scope 57/64) and at the final engine (en
// 48/53, ru 44/53, out of scope 57/64; 7 replies of 170 changed). Its failures were read only
// after that final reading, and nothing was tuned after. Left out of the copy, because the copy
// check reads a name stored long before as a copied misspelling: DJ074 ("миромонович"). The
// floors are the copy's figures at that final engine, English raised by one when a later change
// tuned on DK ("Anatolia" is Turkey) also answered DJ's question about the bridge to Anatolia.
const EN_BLIND_DJ: usize = 49; // of 53
const RU_BLIND_DJ: usize = 43; // of 52
const OOS_BLIND_DJ: usize = 57; // of 64

// Set DK: a tuning set of the forty-ninth session, written by a helper from the documents alone
// (240 questions, two thirds Russian, in everyday and chat words), read at once and tuned on
// (start 6b195e1: en 44/50, ru 87/100, out of scope 85/90; end en 47/50, ru 96/100, 88/90). Left
// out of the copy, because a stored word matches it: DK221 ("chairing").
const EN_REVIEW_DK: usize = 47; // of 49 (after the tuning on DM)
const RU_REVIEW_DK: usize = 96; // of 100
const OOS_REVIEW_DK: usize = 88; // of 90

// Set DL: the second tuning set of the forty-ninth session (240 questions, two thirds English),
// read at once and tuned on (first read at e67fe68: en 90/100, ru 45/50, out of scope
// 84/90; end en 92/100, ru 50/50, 87/90). Left out of the copy, because stored words match it:
// DL067 ("вечная", "дружба").
const EN_REVIEW_DL: usize = 93; // of 100 (after the tuning on DM)
const RU_REVIEW_DL: usize = 49; // of 49
const OOS_REVIEW_DL: usize = 88; // of 90 (after the tuning on DM)

// Set DM: the third tuning set of the forty-ninth session (240 questions, two thirds Russian),
// read at once near the session's end and tuned on briefly (first read at 718f67c: en 45/50, ru
// 87/100, out of scope 87/90; end en 45/50, ru 88/100, 89/90).
const EN_REVIEW_DM: usize = 45; // of 50
const RU_REVIEW_DM: usize = 88; // of 100
const OOS_REVIEW_DM: usize = 89; // of 90
