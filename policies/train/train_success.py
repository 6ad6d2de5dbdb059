#!/usr/bin/python3
"""Success detection: trains a success classifier on labelled episodes (one or several NPZ
exports) and writes it as an ONNX model with its ``mantis.policy`` spec (family
``success_classifier``): (observation features, goal features) -> the probability that the goal
is achieved at this frame, i.e. once this frame's action is applied.

Labels. An episode is a success when its last frame's ``next.success`` is 1 (what the recorder
wrote: the cell's predicate in simulation, the classifier or the person's key press in
autonomous collection). Per frame:

- positive: the last ``--positive-frames`` frames (default 3) of a successful episode;
- left out: the ``--ignore-frames`` frames before those (default 0), an ambiguous approach;
- negative: every other frame of a successful episode and every frame of a failed one.

How it is used. ``mantis collect --autonomous --success MODEL.onnx`` scores every frame before
its action and labels an episode by its last frame's probability against ``--threshold``. By
default episodes run to their horizon; ``--confirm-frames N`` (stored in the spec) ends an episode
as a success after N frames in a row at or above the threshold, the last one's action applied,
which is where a successful training episode ended. The last frames of a successful episode look
much like the ones before (a step of the approach), so a classifier trained for the horizon label
(3 positive frames, balanced classes) fires a step or a few early and would end episodes short of
the goal. ``--early-stop`` trains one for stopping instead: only the last frame positive, no
balancing (precision over recall: a missed stop lets the episode run on, an early one mislabels
it) and ``confirm_frames`` 1. The report's ``first_fire`` says what stopping would do on the
held-out episodes. Episodes run to the horizon with the goal held (key-press labels on a real
robot) may take more positive frames, e.g. ``--positive-frames 10``.

The classes are balanced in the loss (binary cross-entropy with the positives weighted by
negatives / positives; ``--positive-weight`` sets another weight). The network is an MLP (``--layers`` hidden ReLU layers of ``--hidden``
units) on the normalized concatenation of the features, with a sigmoid output, trained with Adam
(cosine learning-rate decay to 0), on one thread and deterministic for a given ``--seed``.
``--val-fraction`` of the episodes (drawn with the seed) are held out; the report gives, on their
frames and at the threshold, accuracy, balanced accuracy, precision and recall; per held-out
episode whether its last frame is classified as its label says; and ``first_fire``: whether
ending episodes as the collector does ends successful ones at their last frame (on time), before
it (early) or never (missed), and failed ones never (else a false alarm).

Writes ``--out`` and ``--out`` + ``.train.json`` (data, settings, losses, held-out metrics, and
``reference``: some held-out frames' raw feature values with the PyTorch probability, which the
Java host must reproduce).

Example:

    mantis collect --task reach --episodes 100 --out data/reach-ok
    mantis collect --task reach --policy random --episodes 50 --out data/reach-fail
    mantis train success --data data/reach-ok --data data/reach-fail --out reach_success.onnx
"""

import argparse
import json
import math
import os
import sys
import time

import numpy as np

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mantis_policy as mp  # noqa: E402

LABEL = "next.success"
OUTPUT = "success_probability"
REFERENCE_FRAMES = 16


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="Example:\n  /usr/bin/python3 policies/train/train_success.py "
                                       "--data ok.npz,fail.npz --out success.onnx")
    p.add_argument("--data", required=True, metavar="FILE.npz[,FILE.npz...]",
                   help="NPZ exports of labelled episodes; several, comma-separated, are mixed")
    p.add_argument("--out", required=True, metavar="FILE.onnx", help="the model to write")
    p.add_argument("--observation", default="observation.state,observation.ee_pose,observation.environment_state",
                   help="comma-separated observation features, in input order (default: %(default)s)")
    p.add_argument("--goal", default="observation.goal.state",
                   help="comma-separated goal features; empty for none (default: %(default)s)")
    p.add_argument("--early-stop", action="store_true",
                   help="a classifier that ends episodes at their first confident frame: --positive-frames 1 "
                        "--positive-weight 1 --confirm-frames 1 unless given")
    p.add_argument("--positive-frames", type=int,
                   help="last frames of a successful episode labelled positive (default: 3, 1 with --early-stop)")
    p.add_argument("--ignore-frames", type=int, default=0,
                   help="frames before the positive ones left out of training (default: %(default)s)")
    p.add_argument("--threshold", type=float, default=0.5,
                   help="probability from which a frame counts as a success, stored in the spec "
                        "(default: %(default)s)")
    p.add_argument("--confirm-frames", type=int,
                   help="frames in a row >= --threshold that end an episode early as a success, stored in the spec; "
                        "0: episodes run to their horizon (default: 0, 1 with --early-stop)")
    p.add_argument("--positive-weight", type=float,
                   help="weight of a positive frame in the loss (default: negatives / positives, balanced; 1 with "
                        "--early-stop)")
    p.add_argument("--hidden", type=int, default=128, help="hidden layer width (default: %(default)s)")
    p.add_argument("--layers", type=int, default=2, help="hidden layers (default: %(default)s)")
    p.add_argument("--epochs", type=int, default=100, help="passes over the data (default: %(default)s)")
    p.add_argument("--batch", type=int, default=256, help="batch size (default: %(default)s)")
    p.add_argument("--lr", type=float, default=1e-3, help="initial Adam learning rate (default: %(default)s)")
    p.add_argument("--seed", type=int, default=0,
                   help="seed of the split, initialisation and shuffling (default: %(default)s)")
    p.add_argument("--val-fraction", type=float, default=0.2,
                   help="fraction of the episodes held out for the report (default: %(default)s)")
    p.add_argument("--min-std", type=float, default=mp.DEFAULT_MIN_STD,
                   help="input elements with a smaller std are constant and get std 1 (default: %(default)s)")
    p.add_argument("--threads", type=int, default=1, help="torch CPU threads (default: %(default)s)")
    p.add_argument("--robot-type", help="robot type for the spec (default: info.json's robot_type)")
    p.add_argument("--control-hz", type=float, help="control rate in Hz (default: info.json's fps)")
    args = p.parse_args(argv)
    early = args.early_stop
    args.positive_frames = args.positive_frames if args.positive_frames is not None else 1 if early else 3
    args.confirm_frames = args.confirm_frames if args.confirm_frames is not None else 1 if early else 0
    if early and args.positive_weight is None:
        args.positive_weight = 1.0
    for name in ("hidden", "epochs", "batch", "threads", "positive_frames"):
        if getattr(args, name) < 1:
            p.error("--%s must be positive, got %d" % (name.replace("_", "-"), getattr(args, name)))
    if args.layers < 0 or args.ignore_frames < 0 or args.confirm_frames < 0:
        p.error("--layers, --ignore-frames and --confirm-frames must be >= 0")
    if not 0 < args.threshold < 1:
        p.error("--threshold must be between 0 and 1, got %g" % args.threshold)
    if not 0 <= args.val_fraction < 1:
        p.error("--val-fraction must be in [0, 1), got %g" % args.val_fraction)
    if args.lr <= 0 or args.min_std < 0 or args.positive_weight is not None and args.positive_weight <= 0:
        p.error("--lr and --positive-weight must be > 0 and --min-std >= 0")
    return args


def split(text):
    return [s.strip() for s in text.split(",") if s.strip()]


def frame_labels(data, positive_frames, ignore_frames):
    """Per frame: 1 positive, 0 negative, -1 left out; and per episode id its success."""
    episodes = data.arrays["episode_index"]
    success = data.feature(LABEL)[:, 0] > 0.5
    labels = np.zeros(data.frames, dtype=np.int64)
    outcome = {}
    for e in np.unique(episodes):
        rows = np.flatnonzero(episodes == e)
        rows = rows[np.argsort(data.arrays["frame_index"][rows], kind="stable")]
        ok = bool(success[rows[-1]])
        outcome[int(e)] = ok
        if ok:
            labels[rows[-positive_frames:]] = 1
            labels[rows[max(0, len(rows) - positive_frames - ignore_frames):max(0, len(rows) - positive_frames)]] = -1
    return labels, outcome


def metrics(predicted, actual):
    """Accuracy, balanced accuracy, precision and recall of boolean arrays (None where undefined)."""
    predicted = np.asarray(predicted, bool)
    actual = np.asarray(actual, bool)
    tp = int(np.sum(predicted & actual))
    tn = int(np.sum(~predicted & ~actual))
    fp = int(np.sum(predicted & ~actual))
    fn = int(np.sum(~predicted & actual))
    n = tp + tn + fp + fn
    recall = tp / (tp + fn) if tp + fn else None
    specificity = tn / (tn + fp) if tn + fp else None
    return {
        "count": n, "positives": tp + fn, "true_positives": tp, "true_negatives": tn, "false_positives": fp,
        "false_negatives": fn,
        "accuracy": (tp + tn) / n if n else None,
        "balanced_accuracy": (recall + specificity) / 2 if recall is not None and specificity is not None else None,
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": recall,
    }


def first_fire(data, labels, outcome, episode_ids, probabilities, threshold, confirm):
    """What ending each episode after ``confirm`` consecutive frames with ``p >= threshold`` would
    do (as ``mantis collect --autonomous --success MODEL.onnx`` does): for successful episodes,
    whether it ends at its last frame ("on time"), before ("early": the goal not yet reached) or
    never ("missed"); for failed episodes, whether it ends as a success ("false alarms")."""
    out = {"successes": 0, "on_time": 0, "early": 0, "missed": 0, "failures": 0, "false_alarms": 0}
    for e in episode_ids:
        rows = np.flatnonzero(data.arrays["episode_index"] == e)
        rows = rows[np.argsort(data.arrays["frame_index"][rows], kind="stable")]
        mask = np.zeros(data.frames, dtype=bool)
        mask[rows] = True
        above = (probabilities(mask) >= threshold).astype(np.int64)
        run = np.convolve(above, np.ones(confirm, dtype=np.int64))[:len(above)]  # firing frames ending at each frame
        fired = np.flatnonzero(run >= confirm)
        if outcome[int(e)]:
            out["successes"] += 1
            if len(fired) == 0:
                out["missed"] += 1
            elif fired[0] == len(rows) - 1:
                out["on_time"] += 1
            else:
                out["early"] += 1
        else:
            out["failures"] += 1
            out["false_alarms"] += int(len(fired) > 0)
    return out


def classifier_module(in_size, hidden, layers):
    """``p = sigmoid(MLP(concat(observation, goal)))``; ``logit`` gives the MLP's output for training."""
    import torch
    import torch.nn as nn

    class SuccessClassifier(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = mp.mlp(in_size, hidden, layers, 1)

        def logit(self, observation, goal=None):
            x = observation if goal is None else torch.cat([observation, goal], dim=1)
            return self.net(x)

        def forward(self, observation, goal=None):
            return torch.sigmoid(self.logit(observation, goal))

    return SuccessClassifier()


def main(argv=None):
    return mp.run_trainer("train_success", parse_args, train, argv)


def train(args):
    import torch

    started = time.monotonic()
    data = mp.load_training_data(args.data)
    robot_type, control_hz = mp.robot_type_and_rate(args, data.info, args.data)
    if LABEL not in data.arrays:
        raise mp.InputError("%s: no '%s' feature to label the episodes with; export a Mantis dataset"
                            % (args.data, LABEL))

    def present(names):
        kept = [n for n in names if data.size(n) > 0]
        for n in names:
            if n not in kept:
                print("train_success: %s has no elements in %s; left out of the model" % (n, args.data))
        return kept

    observation = present(split(args.observation))
    goal = present(split(args.goal))
    if not observation:
        raise mp.InputError("%s: the --observation features %s have no elements" % (args.data, args.observation))
    labels, outcome = frame_labels(data, args.positive_frames, args.ignore_frames)
    episode_ids = np.array(sorted(outcome))
    successes = sum(outcome.values())
    if successes == 0 or successes == len(episode_ids):
        raise mp.InputError("%s: %d of %d episodes succeeded; a classifier needs successes and failures (mix in "
                            "failed episodes, e.g. mantis collect --policy random)"
                            % (args.data, successes, len(episode_ids)))
    rng = np.random.default_rng(args.seed)
    held = int(math.ceil(args.val_fraction * len(episode_ids))) if args.val_fraction > 0 else 0
    if held >= len(episode_ids):
        raise mp.InputError("--val-fraction %g leaves no training episodes (the data has %d)"
                            % (args.val_fraction, len(episode_ids)))
    val_ids = np.sort(rng.permutation(episode_ids)[:held])
    is_val = np.isin(data.arrays["episode_index"], val_ids)
    train_rows = ~is_val & (labels >= 0)
    val_rows = is_val & (labels >= 0)
    positives = int(np.sum(labels[train_rows] == 1))
    negatives = int(np.sum(labels[train_rows] == 0))
    if positives == 0 or negatives == 0:
        raise mp.InputError("%s: the training episodes give %d positive and %d negative frames; both are needed "
                            "(lower --val-fraction or add episodes)" % (args.data, positives, negatives))

    normalization = {n: mp.feature_stats(data.feature(n)[train_rows], args.min_std) for n in observation + goal}
    obs_features = [{"name": n, "size": data.size(n)} for n in observation]
    goal_features = [{"name": n, "size": data.size(n)} for n in goal]
    spec = mp.classifier_spec(robot_type, control_hz, [(f["name"], f["size"]) for f in obs_features],
                              [(f["name"], f["size"]) for f in goal_features], normalization, OUTPUT, args.threshold,
                              args.confirm_frames)

    def inputs(rows):
        values = {n: data.feature(n)[rows] for n in observation + goal}
        o = mp.normalize_features(values, obs_features, normalization).astype(np.float32)
        g = (mp.normalize_features(values, goal_features, normalization).astype(np.float32) if goal
             else np.zeros((int(rows.sum()), 0), np.float32))
        y = (labels[rows] == 1).astype(np.float32).reshape(-1, 1)
        return torch.from_numpy(o), torch.from_numpy(g), torch.from_numpy(y)

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    obs_t, goal_t, y_t = inputs(train_rows)
    obs_size, goal_size = obs_t.shape[1], goal_t.shape[1]
    model = classifier_module(obs_size + goal_size, args.hidden, args.layers)
    optimiser = torch.optim.Adam(model.parameters(), lr=args.lr)
    weight = args.positive_weight if args.positive_weight is not None else negatives / positives
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor([weight], dtype=torch.float32))
    shuffle = torch.Generator().manual_seed(args.seed)
    n = obs_t.shape[0]
    steps_per_epoch = math.ceil(n / args.batch)

    def logit(o, g):
        return model.logit(o, g) if goal_size else model.logit(o)

    print("train_success: %s: %d frames, %d episodes (%d successes), %d held out; %d positive and %d negative "
          "training frames; input %d (%s) + goal %d (%s); MLP %d x %d, %d epochs of %d steps"
          % (args.data, data.frames, len(episode_ids), successes, held, positives, negatives, obs_size,
             ",".join(observation), goal_size, ",".join(goal) or "none", args.layers, args.hidden, args.epochs,
             steps_per_epoch))
    history = mp.fit(model, optimiser, n, args.batch, args.epochs, args.lr, shuffle,
                     lambda rows: loss_fn(logit(obs_t[rows], goal_t[rows]), y_t[rows]), args.epochs // 10)

    model.eval()

    def probabilities(rows):
        o, g, _ = inputs(rows)
        with torch.no_grad():
            return (model(o, g) if goal_size else model(o)).numpy()[:, 0].astype(np.float64)

    train_metrics = metrics(probabilities(train_rows) >= args.threshold, labels[train_rows] == 1)
    report_val = None
    reference = []
    if held:
        p_val = probabilities(val_rows)
        frames = metrics(p_val >= args.threshold, labels[val_rows] == 1)
        last_rows = []
        for e in val_ids:
            rows = np.flatnonzero(data.arrays["episode_index"] == e)
            last_rows.append(rows[np.argmax(data.arrays["frame_index"][rows])])
        last = np.zeros(data.frames, dtype=bool)
        last[last_rows] = True
        p_last = probabilities(last)
        episodes = metrics(p_last >= args.threshold, [outcome[int(e)] for e in val_ids])
        report_val = {"frames": frames, "episodes": episodes,
                      "first_fire": first_fire(data, labels, outcome, val_ids, probabilities, args.threshold,
                                                max(1, args.confirm_frames))}
        fire = report_val["first_fire"]
        print("held out: frames accuracy %.3f, balanced %.3f, precision %s, recall %s; episodes (last frame) "
              "accuracy %.3f over %d; ending at %d frames in a row >= %g: %d on time, %d early, %d missed of %d "
              "successes, %d false alarms in %d failures"
              % (frames["accuracy"], frames["balanced_accuracy"] or float("nan"), fmt(frames["precision"]),
                 fmt(frames["recall"]), episodes["accuracy"], episodes["count"], max(1, args.confirm_frames),
                 args.threshold,
                 fire["on_time"],
                 fire["early"], fire["missed"], fire["successes"], fire["false_alarms"], fire["failures"]))
        # reference frames for the Java host: the held-out positives first, then evenly spaced negatives
        val_index = np.flatnonzero(val_rows)
        pos = val_index[labels[val_index] == 1][:REFERENCE_FRAMES // 2]
        neg = val_index[labels[val_index] == 0]
        neg = neg[np.linspace(0, len(neg) - 1, min(len(neg), REFERENCE_FRAMES - len(pos))).astype(int)] \
            if len(neg) else neg
        picked = np.concatenate([pos, neg])
        mask = np.zeros(data.frames, dtype=bool)
        mask[picked] = True
        p_ref = dict(zip(np.flatnonzero(mask), probabilities(mask)))
        for r in picked:
            reference.append({
                "episode_index": int(data.arrays["episode_index"][r]),
                "frame_index": int(data.arrays["frame_index"][r]),
                "label": int(labels[r]),
                "observation": {n: [float(v) for v in data.feature(n)[r]] for n in observation},
                "goal": {n: [float(v) for v in data.feature(n)[r]] for n in goal},
                "probability": float(p_ref[r]),
            })

    example = (obs_t[:1], goal_t[:1]) if goal_size else (obs_t[:1],)
    names = ["observation", "goal"] if goal_size else ["observation"]
    mp.export_onnx(model, example, names, [OUTPUT], {k: {0: "batch"} for k in names + [OUTPUT]}, spec, args.out)
    seconds = time.monotonic() - started
    report = {
        "data": [os.path.abspath(p) for p in args.data.split(",")],
        "frames": int(train_rows.sum()),
        "episodes": int(len(episode_ids) - held),
        "successful_episodes": int(successes),
        "positive_frames": positives,
        "negative_frames": negatives,
        "held_out_episodes": [int(e) for e in val_ids],
        "model": os.path.abspath(args.out),
        "family": mp.CLASSIFIER,
        "settings": {
            "observation": observation, "goal": goal, "positive_frames": args.positive_frames,
            "ignore_frames": args.ignore_frames, "threshold": args.threshold, "confirm_frames": args.confirm_frames,
            "early_stop": args.early_stop,
            "hidden": args.hidden,
            "layers": args.layers, "epochs": args.epochs, "batch": args.batch, "lr": args.lr,
            "lr_schedule": "cosine to 0", "optimizer": "adam",
            "loss": "binary cross-entropy, positives weighted %.3f (%s)" % (
                weight, "balanced: negatives/positives" if args.positive_weight is None else "--positive-weight"),
            "seed": args.seed, "val_fraction": args.val_fraction, "min_std": args.min_std, "threads": args.threads,
            "robot_type": robot_type, "control_hz": control_hz,
        },
        "epoch_loss": history,
        "train": train_metrics,
        "held_out": report_val,
        "reference": reference,
        "seconds": round(seconds, 3),
        "torch": torch.__version__,
    }
    mp.write_atomically(args.out + ".train.json", mp.dumps_json(report) + "\n")
    print("wrote %s and %s.train.json in %.1f s" % (args.out, args.out, seconds))
    return 0


def fmt(x):
    return "n/a" if x is None else "%.3f" % x


if __name__ == "__main__":
    sys.exit(main())
