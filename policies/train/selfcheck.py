#!/usr/bin/python3
"""Checks the policy scripts and the example models without Java or ONNX Runtime.

    /usr/bin/python3 policies/train/selfcheck.py [--models policies/src/test/resources/models]
        [--skip-export] [--skip-train]
    /usr/bin/python3 policies/train/selfcheck.py --write-synthetic reach.npz [--episodes 200]

What it checks:

1. Every ``*.onnx`` in ``--models``: loads, passes ``onnx.checker`` (full check), carries a
   ``mantis.policy`` spec that parses and agrees with the graph (tensor names, feature sizes),
   is under 200 KB; ``corrupt.onnx`` must fail to parse.
2. Every ``NAME.reference.json``: the model is run with a small NumPy evaluator of the ONNX ops
   the examples use (onnx 1.12 has no reference evaluator), on the reference's inputs, and must
   give its outputs to 1e-5; then the host's whole job is redone from the raw feature values and
   the spec alone (normalize, run, feed back state / encode the goal / sample the diffusion,
   denormalize) and must give the reference's actions to 1e-5, with float64 and again with
   float32 host arithmetic. ``nan_output.onnx`` must give NaN for every input.
3. ``export_examples.py`` run twice into temporary directories writes the same bytes both times,
   the same as ``--models`` holds (``--skip-export`` skips).
4. ``train_bc.py`` on a small synthetic reach dataset: the model and report are written, the
   loss falls, and the exported model evaluated with NumPy reproduces the reported final loss;
   ``train_success.py`` on the same kind of data with failed episodes: its ``success_classifier``
   spec checks out, the model reproduces the report's reference probabilities, and held-out
   episodes are told apart (``--skip-train`` skips both).

``--write-synthetic FILE.npz`` instead writes a synthetic reach dataset in the NPZ export format
(a point end-effector moved by a capped step towards a target, seen through a fixed nonlinear
7-"joint" map), for timing train_bc.py.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import mantis_policy as mp  # noqa: E402

DEFAULT_MODELS = os.path.join(HERE, "..", "src", "test", "resources", "models")
MAX_MODEL_BYTES = 200 * 1024


class Failure(Exception):
    pass


# ---- a NumPy evaluator for the ops the exported policies use ------------------------------------

def _attrs(node):
    import onnx

    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def run_onnx(model, feeds, outputs=None):
    """Evaluates ``model`` (a ModelProto) on ``feeds`` {name: array} in float32; returns
    {output name: array}. Raises NotImplementedError on an op it does not know."""
    from onnx import numpy_helper

    values = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    for name, v in feeds.items():
        values[name] = np.asarray(v, dtype=np.float32)
    for node in model.graph.node:
        a = _attrs(node)
        x = [values[i] if i else None for i in node.input]
        op = node.op_type
        if op == "Gemm":
            A = x[0].T if a.get("transA", 0) else x[0]
            B = x[1].T if a.get("transB", 0) else x[1]
            y = a.get("alpha", 1.0) * (A @ B)
            if len(x) > 2 and x[2] is not None:
                y = y + a.get("beta", 1.0) * x[2]
        elif op == "MatMul":
            y = x[0] @ x[1]
        elif op in ("Add", "Sub", "Mul", "Div"):
            y = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide}[op](x[0], x[1])
        elif op == "Relu":
            y = np.maximum(x[0], 0)
        elif op == "Sigmoid":
            y = 1 / (1 + np.exp(-x[0]))
        elif op == "Tanh":
            y = np.tanh(x[0])
        elif op == "Sin":
            y = np.sin(x[0])
        elif op == "Cos":
            y = np.cos(x[0])
        elif op == "Neg":
            y = -x[0]
        elif op == "Identity":
            y = x[0]
        elif op == "Concat":
            y = np.concatenate(x, axis=a["axis"])
        elif op == "Constant":
            y = numpy_helper.to_array(a["value"])
        elif op == "Unsqueeze":
            y = x[0]
            for axis in sorted(int(v) for v in x[1]):
                y = np.expand_dims(y, axis if axis >= 0 else axis + y.ndim + 1)
        elif op == "Flatten":
            axis = a.get("axis", 1)
            y = x[0].reshape(int(np.prod(x[0].shape[:axis])), -1)
        elif op == "Reshape":
            shape = [int(s) if s != 0 else x[0].shape[i] for i, s in enumerate(x[1])]
            y = x[0].reshape(shape)
        else:
            raise NotImplementedError("op %s" % op)
        values[node.output[0]] = np.asarray(y, dtype=np.float32) if np.asarray(y).dtype.kind == "f" else y
    names = outputs or [o.name for o in model.graph.output]
    return {n: values[n] for n in names}


# ---- the host, redone from the spec -------------------------------------------------------------

class Host:
    """What the Java host does with a spec, in float64 or float32 arithmetic."""

    def __init__(self, model, spec, dtype):
        self.model = model
        self.spec = spec
        self.dtype = dtype
        self.norm = spec.get("normalization", {})
        self.inputs = {i.name: i for i in model.graph.input}

    def stats(self, name, size):
        s = self.norm.get(name)
        if s is None:
            return np.zeros(size, self.dtype), np.ones(size, self.dtype)
        mean = np.asarray(s["mean"], self.dtype)
        std = np.asarray(s["std"], self.dtype)
        return mean, np.where(std == 0, self.dtype(1), std).astype(self.dtype)

    def tensor(self, values, features):
        parts = []
        for f in features:
            mean, std = self.stats(f["name"], f["size"])
            x = np.asarray(values[f["name"]], self.dtype)
            if x.shape != (f["size"],):
                raise Failure("feature %s has %d values, the spec says %d" % (f["name"], x.size, f["size"]))
            parts.append((x - mean) / std)
        return np.concatenate(parts)[None].astype(np.float32)

    def action(self, y):
        mean, std = self.stats(self.spec["action"]["name"], self.spec["action"]["size"])
        return np.asarray(y, self.dtype) * std + mean

    def zeros_for(self, name):
        dims = [d.dim_value if d.dim_value else 1 for d in self.inputs[name].type.tensor_type.shape.dim]
        return np.zeros(dims, np.float32)

    def run(self, feeds, wanted):
        full = {n: self.zeros_for(n) for n in self.inputs if n not in feeds}
        full.update(feeds)
        return run_onnx(self.model, full, wanted)

    def act(self, observation, goal, state=None, noise=None, step_noise=None):
        spec = self.spec
        t = spec["tensors"]
        family = spec["family"]
        o = self.tensor(observation, spec["observation"])
        if family == "latent_goal":
            s = spec["latent_goal"]
            g = self.tensor(goal, spec["goal"])
            phi_o = self.run({s["encoder_input"]: o}, [s["encoder_output"]])[s["encoder_output"]].astype(self.dtype)
            phi_g = self.run({s["encoder_input"]: g}, [s["encoder_output"]])[s["encoder_output"]].astype(self.dtype)
            d = phi_g - phi_o
            z = (d / max(np.linalg.norm(d[0]), self.dtype(1e-6))).astype(np.float32)
            y = self.run({t["observation"]: o, s["latent_input"]: z}, [t["action"]])[t["action"]]
            return self.action(y[0]), None
        feeds = {t["observation"]: o}
        if "goal" in t:
            feeds[t["goal"]] = self.tensor(goal, spec["goal"])
        if family == "recurrent":
            s = spec["recurrent"]
            if state is None:
                state = [np.zeros((1, n), np.float32) for n in s["state_sizes"]]
            feeds.update(dict(zip(s["state_inputs"], state)))
            out = self.run(feeds, [t["action"]] + s["state_outputs"])
            return self.action(out[t["action"]][0]), [out[n] for n in s["state_outputs"]]
        if family == "diffusion":
            s = spec["diffusion"]

            def denoise(x, step):
                f = dict(feeds)
                f[s["sample_input"]] = np.asarray(x, np.float32)
                f[s["timestep_input"]] = np.full((1,), step, np.float32)
                return self.run(f, [t["action"]])[t["action"]].astype(self.dtype)

            x, _ = sample(denoise, np.asarray(noise, self.dtype), s, step_noise, self.dtype)
            return self.action(x[0]), None
        y = self.run(feeds, [t["action"]])[t["action"]]
        return self.action(y[0]), None


def sample(denoise, x, s, step_noise, dtype):
    """The sampler of policies/README.md written again from mp.DIFFUSION_FORMULAS (not shared
    with export_examples.py), in ``dtype``."""
    T = s["train_steps"]
    i = np.arange(T, dtype=np.float64)
    bar = np.cos(((i + 1) / T + 0.008) / 1.008 * np.pi / 2) ** 2 / np.cos((i / T + 0.008) / 1.008 * np.pi / 2) ** 2
    assert s["beta_schedule"] == "squaredcos_cap_v2"
    ac = np.cumprod(1 - np.minimum(1 - bar, 0.999)).astype(dtype)
    ratio = T // s["steps"]
    for k in range(s["steps"]):
        t = (s["steps"] - 1 - k) * ratio
        a_t = ac[t]
        a_p = ac[t - ratio] if t - ratio >= 0 else dtype(1)
        eps = denoise(x, t)
        x0 = np.clip((x - np.sqrt(1 - a_t) * eps) / np.sqrt(a_t), -s["clip_sample"], s["clip_sample"])
        if s["schedule"] == "ddim":
            x = np.sqrt(a_p) * x0 + np.sqrt(1 - a_p) * eps
        else:
            alpha = a_t / a_p
            x = np.sqrt(a_p) * (1 - alpha) / (1 - a_t) * x0 + np.sqrt(alpha) * (1 - a_p) / (1 - a_t) * x
            if t > 0:
                x = x + np.sqrt(max((1 - a_p) / (1 - a_t) * (1 - alpha), 1e-20)) * np.asarray(step_noise[k], dtype)
        x = x.astype(dtype)
    return x, None


# ---- the checks ---------------------------------------------------------------------------------

def close(name, got, want, tol):
    got = np.asarray(got, np.float64)
    want = np.asarray(want, np.float64)
    if got.shape != want.shape:
        raise Failure("%s: shape %s, expected %s" % (name, got.shape, want.shape))
    err = float(np.max(np.abs(got - want))) if got.size else 0.0
    if not err <= tol:
        raise Failure("%s: off by %.3g (tolerance %g)" % (name, err, tol))
    return err


def check_model_file(path):
    import onnx
    from google.protobuf.message import DecodeError

    name = os.path.basename(path)
    size = os.path.getsize(path)
    if size > MAX_MODEL_BYTES:
        raise Failure("%s: %d bytes, over %d" % (name, size, MAX_MODEL_BYTES))
    if name == "corrupt.onnx":
        try:
            onnx.load(path)
        except DecodeError:
            return None, "does not parse, as it should"
        raise Failure("corrupt.onnx parses")
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    spec = mp.read_spec(model)
    problems = mp.check_spec(spec, model)
    dims = {i.name: [d.dim_param or d.dim_value for d in i.type.tensor_type.shape.dim] for i in model.graph.input}
    t = spec["tensors"]
    want = {t["observation"]: sum(f["size"] for f in spec["observation"])}
    if "goal" in t:
        want[t["goal"]] = sum(f["size"] for f in spec["goal"])
    for tensor, width in want.items():
        if tensor in dims and dims[tensor][1:] != [width]:
            problems.append("input %s has shape %s, the spec's features add up to %d" % (tensor, dims[tensor], width))
    if not isinstance(dims[t["observation"]][0], str):
        problems.append("the batch dimension of %s is not dynamic" % t["observation"])
    if problems:
        raise Failure("%s: %s" % (name, "; ".join(problems)))
    return model, "%s, spec ok, %d bytes" % (spec["family"], size)


def check_reference(model, ref):
    spec = mp.read_spec(model)
    tol = ref["tolerance"]
    worst = {"outputs": 0.0, "float64 host": 0.0, "float32 host": 0.0}
    hosts = {"float64 host": Host(model, spec, np.float64), "float32 host": Host(model, spec, np.float32)}

    def outputs(inputs, want, label):
        got = hosts["float64 host"].run(inputs, list(want))  # zeros for the inputs a path does not use
        for n, v in want.items():
            worst["outputs"] = max(worst["outputs"], close("%s output %s" % (label, n), got[n], v, tol))

    for case in ref["cases"]:
        label = "%s %s" % (ref["model"], case["name"])
        if spec["family"] == "recurrent":
            for host_name, host in hosts.items():
                state = None
                for step in case["steps"]:
                    if host_name == "float64 host":
                        outputs(step["inputs"], step["outputs"], "%s step %d" % (label, step["step"]))
                    a, state = host.act(step["observation"], step["goal"], state)
                    worst[host_name] = max(worst[host_name], close("%s step %d %s action" % (
                        label, step["step"], host_name), a, step["action"], tol))
            continue
        if spec["family"] == "latent_goal":
            for side in ("observation", "goal"):
                outputs(case["encoder"][side]["inputs"], case["encoder"][side]["outputs"], label + " encoder")
            outputs(case["inputs"], case["outputs"], label)
        elif spec["family"] == "diffusion":
            for step in case["steps"]:
                outputs(step["inputs"], step["outputs"], "%s t %d" % (label, step["timestep"]))
        else:
            outputs(case["inputs"], case["outputs"], label)
        want = case.get("action", case.get("actions"))
        step_noise = [s.get("noise") for s in case.get("steps", [])]
        for host_name, host in hosts.items():
            a, _ = host.act(case["observation"], case["goal"], noise=case.get("noise"), step_noise=step_noise)
            worst[host_name] = max(worst[host_name], close("%s %s action" % (label, host_name), a, want, tol))
    if spec["family"] == "diffusion":
        sched = mp.diffusion_schedule(spec["diffusion"])
        close(ref["model"] + " alphas_cumprod", sched["alphas_cumprod"], ref["schedule"]["alphas_cumprod"], 1e-12)
        if sched["timesteps"] != ref["schedule"]["timesteps"]:
            raise Failure("%s: timesteps %s, expected %s" % (ref["model"], ref["schedule"]["timesteps"],
                                                             sched["timesteps"]))
    return worst


def check_models(directory):
    paths = sorted(glob.glob(os.path.join(directory, "*.onnx")))
    if not paths:
        raise Failure("%s holds no .onnx files; write them with export_examples.py --out %s" % (directory, directory))
    for path in paths:
        model, what = check_model_file(path)
        print("  %-22s %s" % (os.path.basename(path), what))
        ref_path = path[:-len(".onnx")] + ".reference.json"
        if model is not None and os.path.isfile(ref_path):
            with open(ref_path, encoding="utf-8") as f:
                ref = json.load(f)
            worst = check_reference(model, ref)
            print("  %-22s reference: %d cases; max error: outputs %.2g, host float64 %.2g, host float32 %.2g"
                  % ("", len(ref["cases"]), worst["outputs"], worst["float64 host"], worst["float32 host"]))
        if os.path.basename(path) == "nan_output.onnx":
            rng = np.random.default_rng(0)
            out = run_onnx(model, {"observation": rng.normal(size=(4, 15)) * 10, "goal": rng.normal(size=(4, 3))})
            if not np.isnan(out["action"]).all():
                raise Failure("nan_output.onnx gives a number")
            print("  %-22s NaN for every input" % "")


def check_export_determinism(directory):
    outs = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(2):
            d = os.path.join(tmp, str(k))
            subprocess.run([sys.executable, os.path.join(HERE, "export_examples.py"), "--out", d], check=True,
                           stdout=subprocess.DEVNULL)
            outs.append({f: open(os.path.join(d, f), "rb").read() for f in sorted(os.listdir(d))})
    if outs[0] != outs[1]:
        differ = [f for f in outs[0] if outs[0][f] != outs[1].get(f)]
        raise Failure("export_examples.py wrote different bytes on two runs: %s" % ", ".join(differ))
    stale = []
    for f, data in outs[0].items():
        path = os.path.join(directory, f)
        if not os.path.isfile(path) or open(path, "rb").read() != data:
            stale.append(f)
    if stale:
        raise Failure("%s differs from a fresh export in %s; rerun export_examples.py --out %s"
                      % (directory, ", ".join(stale), directory))
    print("  export_examples.py: same bytes on two runs (%d files), equal to %s" % (len(outs[0]), directory))


# ---- synthetic reach dataset --------------------------------------------------------------------

def write_synthetic_reach(path, episodes=200, seed=0, random_every=0):
    """A reach dataset in the NPZ export layout: the end-effector p (m, base frame) moves by the
    action's first three elements, capped at 16 mm a step, towards a target drawn like reach.yaml's
    (world frame; the base stands at x = -0.615); observation.state is a fixed smooth nonlinear
    map of p to 7 "joints" plus the gripper width, so a policy must learn to read it. With
    ``random_every`` k > 0, every k-th episode moves in random directions instead (and mostly fails)."""
    rng = np.random.default_rng(seed)
    A = np.random.default_rng(1234).normal(size=(7, 3)) * 2.0
    B = np.random.default_rng(4321).normal(size=(7, 3)) * 3.0
    base = np.array([-0.615, 0.0, 0.0])
    rows = {k: [] for k in ("observation.state", "observation.ee_pose", "observation.goal.state", "action",
                            "next.reward", "next.done", "next.success", "timestamp", "frame_index", "episode_index")}
    for e in range(episodes):
        target = np.array([rng.uniform(-0.15, 0.15), rng.uniform(-0.25, 0.25), rng.uniform(0.05, 0.35)])
        p = np.array([0.307, 0.0, 0.487]) + rng.normal(size=3) * 0.01
        for k in range(60):
            d = target - base - p
            if random_every and e % random_every == random_every - 1:
                d = rng.normal(size=3)
            dist = np.linalg.norm(d)
            step = d if dist <= 0.016 else d / dist * 0.016
            q = np.concatenate([A @ p + 0.3 * np.sin(B @ p), [0.08]])
            rows["observation.state"].append(q)
            rows["observation.ee_pose"].append(np.concatenate([p, [1.0, 0.0, 0.0, 0.0]]))
            rows["observation.goal.state"].append(target)
            rows["action"].append(np.concatenate([step, [0.0, 0.0, 0.0, 0.08]]))
            p = p + step + rng.normal(size=3) * 0.0003
            done = np.linalg.norm(target - base - p) < 0.01
            rows["next.reward"].append([1.0 if done else 0.0])
            rows["next.done"].append([1.0 if done else 0.0])
            rows["next.success"].append([1.0 if done else 0.0])
            rows["timestamp"].append([k / 20.0])
            rows["frame_index"].append(k)
            rows["episode_index"].append(e)
            if done:
                break
    frames = len(rows["frame_index"])
    arrays = {k: np.asarray(v, np.float32) for k, v in rows.items() if k not in ("frame_index", "episode_index")}
    arrays["observation.environment_state"] = np.zeros((frames, 0), np.float32)
    arrays["frame_index"] = np.asarray(rows["frame_index"], np.int64)
    arrays["episode_index"] = np.asarray(rows["episode_index"], np.int64)
    arrays["index"] = np.arange(frames, dtype=np.int64)
    arrays["task_index"] = np.zeros(frames, np.int64)
    features = {k: {"dtype": "float32", "shape": [int(v.shape[1])], "names": None}
                for k, v in arrays.items() if v.dtype == np.float32}
    info = {"codebase_version": "v3.0", "robot_type": "panda", "total_episodes": episodes, "total_frames": frames,
            "total_tasks": 1, "fps": 20, "features": features}
    arrays["_info_json"] = np.frombuffer(json.dumps(info).encode("utf-8"), dtype=np.uint8)
    tmp = path + ".tmp.npz"
    np.savez(tmp, **arrays)
    os.replace(tmp, path)
    return frames


def check_train_bc():
    import onnx

    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "reach.npz")
        out = os.path.join(tmp, "reach.onnx")
        write_synthetic_reach(data, episodes=30)
        cmd = [sys.executable, os.path.join(HERE, "train_bc.py"), "--data", data, "--out", out, "--epochs", "15",
               "--hidden", "64", "--layers", "2", "--controller", "pd_ee_delta_pose"]
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode != 0:
            raise Failure("train_bc.py failed:\n%s%s" % (run.stdout, run.stderr))
        with open(out + ".train.json", encoding="utf-8") as f:
            report = json.load(f)
        if not report["epoch_loss"][-1] < 0.5 * report["epoch_loss"][0]:
            raise Failure("train_bc.py: the loss did not halve: %s" % report["epoch_loss"])
        model = onnx.load(out)
        spec = mp.read_spec(model)
        problems = mp.check_spec(spec, model)
        if problems or spec["family"] != "feedforward" or spec["control_hz"] != 20 or spec["robot_type"] != "panda":
            raise Failure("train_bc.py wrote a bad spec: %s %s" % (problems, spec))
        if [f["name"] for f in spec["observation"]] != ["observation.state"]:
            raise Failure("train_bc.py should leave out the empty observation.environment_state: %s"
                          % spec["observation"])
        ds = mp.load_npz(data)
        host = Host(model, spec, np.float64)
        o = np.concatenate([host.tensor({"observation.state": r}, spec["observation"]) for r in
                            ds.feature("observation.state")])
        g = np.concatenate([host.tensor({"observation.goal.state": r}, spec["goal"]) for r in
                            ds.feature("observation.goal.state")])
        y = run_onnx(model, {"observation": o, "goal": g})["action"]
        mean, std = host.stats("action", 7)
        target = (ds.feature("action") - mean) / std
        loss = float(np.mean((y - target) ** 2))
        close("train_bc.py final loss, recomputed from the ONNX model", loss, report["final_loss"],
              1e-4 * max(1.0, report["final_loss"]))
        print("  train_bc.py: %d frames, loss %.4f -> %.4f, the exported model gives the reported final loss "
              "(%.6f), %.1f s" % (report["frames"], report["epoch_loss"][0], report["epoch_loss"][-1], loss,
                                  report["seconds"]))


def check_train_success():
    """train_success.py on a synthetic reach dataset with failed (random) episodes: a valid
    success_classifier spec, the exported model gives the reported reference probabilities, and
    the held-out episodes are told apart."""
    import onnx

    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "reach.npz")
        out = os.path.join(tmp, "success.onnx")
        write_synthetic_reach(data, episodes=60, random_every=3)
        cmd = [sys.executable, os.path.join(HERE, "train_success.py"), "--data", data, "--out", out, "--epochs", "60"]
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode != 0:
            raise Failure("train_success.py failed:\n%s%s" % (run.stdout, run.stderr))
        with open(out + ".train.json", encoding="utf-8") as f:
            report = json.load(f)
        model = onnx.load(out)
        spec = mp.read_spec(model)
        problems = mp.check_spec(spec, model)
        if problems or spec["family"] != mp.CLASSIFIER or "action" in spec:
            raise Failure("train_success.py wrote a bad spec: %s %s" % (problems, spec))
        host = Host(model, spec, np.float64)
        output = spec[mp.CLASSIFIER]["output"]
        worst = 0.0
        for frame in report["reference"]:
            o = host.tensor(frame["observation"], spec["observation"])
            g = host.tensor(frame["goal"], spec["goal"])
            p = run_onnx(model, {"observation": o, "goal": g})[output][0, 0]
            worst = max(worst, close("train_success.py reference probability", p, frame["probability"], 1e-5))
        accuracy = report["held_out"]["episodes"]["accuracy"]
        if not accuracy >= 0.8:
            raise Failure("train_success.py: held-out episode accuracy %.3f" % accuracy)
        print("  train_success.py: %d frames, held-out episodes accuracy %.3f, the exported model gives the %d "
              "reference probabilities (max error %.2g), %.1f s" % (report["frames"], accuracy,
                                                                    len(report["reference"]), worst, report["seconds"]))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--models", default=os.path.normpath(DEFAULT_MODELS), metavar="DIR",
                   help="the example models (default: %(default)s)")
    p.add_argument("--skip-export", action="store_true", help="skip the export determinism check")
    p.add_argument("--skip-train", action="store_true", help="skip the train_bc.py and train_success.py checks")
    p.add_argument("--write-synthetic", metavar="FILE.npz", help="only write a synthetic reach dataset")
    p.add_argument("--episodes", type=int, default=200, help="episodes of --write-synthetic (default: 200)")
    args = p.parse_args(argv)
    if args.write_synthetic:
        frames = write_synthetic_reach(args.write_synthetic, args.episodes)
        print("%s: %d episodes, %d frames" % (args.write_synthetic, args.episodes, frames))
        return 0
    try:
        print("models in %s:" % args.models)
        check_models(args.models)
        if not args.skip_export:
            check_export_determinism(args.models)
        if not args.skip_train:
            check_train_bc()
            check_train_success()
    except Failure as e:
        print("selfcheck: FAILED: %s" % e, file=sys.stderr)
        return 1
    print("selfcheck: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
