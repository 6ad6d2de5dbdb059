#!/usr/bin/python3
"""Goal-conditioned behaviour cloning: trains a feedforward policy on a dataset's NPZ export and
writes it as an ONNX model with its ``mantis.policy`` spec (family ``feedforward``).

The network is an MLP (``--layers`` hidden ReLU layers of ``--hidden`` units) from the
normalized concatenation of the ``--observation`` features and the ``--goal`` features to the
normalized ``--action``, trained with MSE and Adam (cosine learning-rate decay to 0 over all
steps), on one thread and deterministic for a given ``--seed``. Normalization statistics are
the mean and standard deviation over all training frames; an element whose std is below
``--min-std`` (constant in the data) gets std 1 in the inputs and std ``--min-std`` in the action
(so that it comes out as its constant). Features with no elements in the dataset (e.g.
``observation.environment_state`` of a task without objects) are left out of the model.

Writes ``--out`` and ``--out`` + ``.train.json``: data file, frames, episodes, settings,
per-epoch and final losses (MSE in normalized units), the final per-element RMSE of the action
in its own units, and seconds.

Example: 200 oracle demonstrations of reach (4642 frames) train with the defaults in about 40 s
on one core with Debian's reference BLAS (about 5 s where libopenblas0 provides libblas.so.3),
and the policy reached the target in 96 of 100 held-out episodes of ``mantis eval``:

    mantis collect --task reach --episodes 200 --out data/reach
    mantis dataset export data/reach --format npz --out data/reach.npz
    /usr/bin/python3 policies/train/train_bc.py --data data/reach.npz --out reach.onnx \\
        --controller pd_ee_delta_pose
    mantis eval --task reach --policy reach.onnx --episodes 100 --seed 777
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


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="Example:\n  /usr/bin/python3 policies/train/train_bc.py --data data/reach.npz "
                                       "--out reach.onnx --controller pd_ee_delta_pose")
    p.add_argument("--data", required=True, metavar="FILE.npz[,FILE.npz...]",
                   help="the dataset's NPZ export; several, comma-separated, are mixed (e.g. demonstrations and "
                        "relabelled autonomous episodes)")
    p.add_argument("--out", required=True, metavar="FILE.onnx", help="the model to write")
    p.add_argument("--observation", default="observation.state,observation.environment_state",
                   help="comma-separated observation features, in input order (default: %(default)s)")
    p.add_argument("--goal", default="observation.goal.state",
                   help="comma-separated goal features; empty for none (default: %(default)s)")
    p.add_argument("--action", default="action", help="the action feature (default: %(default)s)")
    p.add_argument("--hidden", type=int, default=256, help="hidden layer width (default: %(default)s)")
    p.add_argument("--layers", type=int, default=3, help="hidden layers (default: %(default)s)")
    p.add_argument("--epochs", type=int, default=50, help="passes over the data (default: %(default)s)")
    p.add_argument("--batch", type=int, default=256, help="batch size (default: %(default)s)")
    p.add_argument("--lr", type=float, default=1e-3, help="initial Adam learning rate (default: %(default)s)")
    p.add_argument("--seed", type=int, default=0, help="seed of initialisation and shuffling (default: %(default)s)")
    p.add_argument("--min-std", type=float, default=mp.DEFAULT_MIN_STD,
                   help="elements with a smaller std are constant: std 1 for inputs, this for the action "
                        "(default: %(default)s)")
    p.add_argument("--val-episodes", type=int, default=0,
                   help="hold out the last N episodes and report their loss (default: 0, train on all)")
    p.add_argument("--threads", type=int, default=1, help="torch CPU threads (default: %(default)s)")
    p.add_argument("--robot-type", help="robot type for the spec (default: info.json's robot_type)")
    p.add_argument("--controller", help="controller the actions are for, e.g. pd_ee_delta_pose "
                                        "(default: info.json's controller; required if it has none)")
    p.add_argument("--control-hz", type=float, help="control rate in Hz (default: info.json's fps)")
    args = p.parse_args(argv)
    for name in ("hidden", "layers", "epochs", "batch", "threads"):
        if getattr(args, name) < (0 if name == "layers" else 1):
            p.error("--%s must be positive, got %d" % (name, getattr(args, name)))
    if args.lr <= 0 or args.min_std < 0 or args.val_episodes < 0:
        p.error("--lr must be > 0, --min-std and --val-episodes >= 0")
    return args


def split(text):
    return [s.strip() for s in text.split(",") if s.strip()]


def main(argv=None):
    return mp.run_trainer("train_bc", parse_args, train, argv)


def train(args):
    import torch

    started = time.monotonic()
    data = mp.load_training_data(args.data)
    info = data.info
    controller = args.controller or info.get("controller")
    if not controller:
        raise mp.InputError("%s: info.json does not say which controller recorded the actions; pass it, "
                            "e.g. --controller pd_ee_delta_pose (the dataset's meta/mantis/tasks/*.yaml name it)"
                            % args.data)
    robot_type, control_hz = mp.robot_type_and_rate(args, info, args.data)

    def present(names, option):
        kept = []
        for n in names:
            if data.size(n) == 0:
                print("train_bc: %s has no elements in %s; left out of the model" % (n, args.data))
            else:
                kept.append(n)
        if names and not kept and option == "--observation":
            raise mp.InputError("%s: the --observation features %s have no elements" % (args.data, ",".join(names)))
        return kept

    observation = present(split(args.observation), "--observation")
    goal = present(split(args.goal), "--goal")
    if data.size(args.action) == 0:
        raise mp.InputError("%s: action feature '%s' has no elements" % (args.data, args.action))
    episode_ids = np.unique(data.arrays["episode_index"])
    if args.val_episodes >= len(episode_ids):
        raise mp.InputError("--val-episodes %d leaves no training episodes (the dataset has %d)"
                            % (args.val_episodes, len(episode_ids)))
    val_ids = episode_ids[len(episode_ids) - args.val_episodes:] if args.val_episodes else episode_ids[:0]
    is_val = np.isin(data.arrays["episode_index"], val_ids)
    train_rows = ~is_val

    normalization = {}
    for n in observation + goal + [args.action]:
        normalization[n] = mp.feature_stats(data.feature(n)[train_rows], args.min_std, output=n == args.action)
    obs_features = [{"name": n, "size": data.size(n)} for n in observation]
    goal_features = [{"name": n, "size": data.size(n)} for n in goal]
    action_size = data.size(args.action)
    spec = mp.policy_spec("feedforward", robot_type, controller, control_hz,
                          [(f["name"], f["size"]) for f in obs_features],
                          [(f["name"], f["size"]) for f in goal_features],
                          (args.action, action_size), normalization)

    def inputs(rows):
        values = {n: data.feature(n)[rows] for n in observation + goal}
        o = mp.normalize_features(values, obs_features, normalization).astype(np.float32)
        g = (mp.normalize_features(values, goal_features, normalization).astype(np.float32) if goal
             else np.zeros((int(rows.sum()), 0), np.float32))
        mean, std = mp.stats_arrays(normalization[args.action], action_size)
        a = ((data.feature(args.action)[rows].astype(np.float64) - mean) / std).astype(np.float32)
        return torch.from_numpy(o), torch.from_numpy(g), torch.from_numpy(a)

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    obs_t, goal_t, act_t = inputs(train_rows)
    val = inputs(is_val) if args.val_episodes else None
    obs_size = obs_t.shape[1]
    goal_size = goal_t.shape[1]
    model = mp.feedforward_policy(obs_size, goal_size, args.hidden, args.layers, action_size)
    optimiser = torch.optim.Adam(model.parameters(), lr=args.lr)
    shuffle = torch.Generator().manual_seed(args.seed)
    n = obs_t.shape[0]
    steps_per_epoch = math.ceil(n / args.batch)

    def forward(o, g):
        return model(o, g) if goal_size else model(o)

    def loss_on(o, g, a):
        model.eval()
        with torch.no_grad():
            value = torch.mean((forward(o, g) - a) ** 2).item()
        model.train()
        return value

    print("train_bc: %s: %d frames, %d episodes (%d held out); input %d (%s) + goal %d (%s) -> %s %d; "
          "MLP %d x %d, %d epochs of %d steps"
          % (args.data, data.frames, data.episodes, args.val_episodes, obs_size, ",".join(observation), goal_size,
             ",".join(goal) or "none", args.action, action_size, args.layers, args.hidden, args.epochs,
             steps_per_epoch))
    history = mp.fit(model, optimiser, n, args.batch, args.epochs, args.lr, shuffle,
                     lambda rows: torch.mean((forward(obs_t[rows], goal_t[rows]) - act_t[rows]) ** 2),
                     args.epochs // 20, None if val is None else lambda: "  val %.6f" % loss_on(*val))

    final_loss = loss_on(obs_t, goal_t, act_t)
    model.eval()
    with torch.no_grad():
        predicted = mp.denormalize_action(forward(obs_t, goal_t).numpy(), spec)
    actual = data.feature(args.action)[train_rows].astype(np.float64)
    rmse = np.sqrt(np.mean((predicted - actual) ** 2, axis=0))
    val_loss = loss_on(*val) if val is not None else None
    print("final train loss %.6f (MSE, normalized)%s; action RMSE per element: %s"
          % (final_loss, "" if val_loss is None else ", held-out loss %.6f" % val_loss,
             " ".join("%.3g" % r for r in rmse)))

    example = (obs_t[:1], goal_t[:1]) if goal_size else (obs_t[:1],)
    names = ["observation", "goal"] if goal_size else ["observation"]
    mp.export_onnx(model, example, names, ["action"], {k: {0: "batch"} for k in names + ["action"]}, spec, args.out)
    seconds = time.monotonic() - started
    report = {
        "data": [os.path.abspath(p) for p in args.data.split(",")],
        "frames": int(train_rows.sum()),
        "episodes": int(len(episode_ids) - len(val_ids)),
        "held_out_frames": int(is_val.sum()),
        "held_out_episodes": int(len(val_ids)),
        "model": os.path.abspath(args.out),
        "family": "feedforward",
        "settings": {
            "observation": observation, "goal": goal, "action": args.action, "hidden": args.hidden,
            "layers": args.layers, "epochs": args.epochs, "batch": args.batch, "lr": args.lr,
            "lr_schedule": "cosine to 0", "optimizer": "adam", "loss": "mse on normalized action",
            "seed": args.seed, "min_std": args.min_std, "threads": args.threads, "robot_type": robot_type,
            "controller": controller, "control_hz": control_hz,
        },
        "epoch_loss": history,
        "final_loss": final_loss,
        "held_out_loss": val_loss,
        "action_rmse": [float(r) for r in rmse],
        "seconds": round(seconds, 3),
        "torch": torch.__version__,
    }
    mp.write_atomically(args.out + ".train.json", json.dumps(report, indent=2) + "\n")
    print("wrote %s and %s.train.json in %.1f s" % (args.out, args.out, seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
