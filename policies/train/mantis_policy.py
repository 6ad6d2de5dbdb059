"""What the Mantis policy scripts share: reading a dataset's NPZ export, normalization statistics,
the ``mantis.policy`` spec, and exporting a PyTorch module to ONNX with that spec attached.

The contract lives in ``policies/README.md``; this module writes what it says:

- NPZ export (``mantis dataset export --format npz``): one float32 array ``[frames, size]`` per
  numeric frame feature, named as the feature; ``episode_index``, ``frame_index``, ``index`` and
  ``task_index`` int64 ``[frames]``; ``_info_json``, the dataset's meta/info.json as uint8 UTF-8
  bytes.
- The spec: a JSON object in the ONNX model's metadata properties under ``mantis.policy``.
- Normalization: inputs are fed as ``(x - mean) / std``, the action output is ``y * std + mean``,
  a ``std`` of 0 counts as 1. :func:`feature_stats` treats an element whose standard deviation is
  below ``min_std`` as constant (float noise on a constant gripper width would otherwise be blown
  up into an element of unit variance): std 1 for inputs, ``min_std`` for the action.

Needs Debian's python3-torch (1.13), python3-onnx (1.12) and python3-numpy, so run the scripts
with /usr/bin/python3 (``scripts/install-deps.sh`` installs them).
"""

import io
import json
import os
import sys
import zipfile

import numpy as np

SPEC_KEY = "mantis.policy"
SPEC_VERSION = 1
OPSET = 13
FAMILIES = ("feedforward", "latent_goal", "recurrent", "chunked", "diffusion")
CLASSIFIER = "success_classifier"  # not a policy: (observation, goal) -> success probability, no action
INTEGER_COLUMNS = ("episode_index", "frame_index", "index", "task_index")
INFO_KEY = "_info_json"
DEFAULT_MIN_STD = 1e-4


class InputError(Exception):
    """A bad input file or argument; the message names the file or option and the fix."""


def run_trainer(name, parse_args, train, argv=None):
    """Runs a training script: ``train(parse_args(argv))``; an InputError is one line on stderr
    (``NAME: message``) and exit code 2."""
    args = parse_args(argv)
    try:
        return train(args)
    except InputError as e:
        print("%s: %s" % (name, e), file=sys.stderr)
        return 2


def load_training_data(data_arg):
    """The NPZ exports a ``--data`` argument names (comma-separated), merged into one dataset."""
    return merge_datasets([load_npz(p) for p in data_arg.split(",")])


def robot_type_and_rate(args, info, data_arg):
    """``--robot-type`` and ``--control-hz``, else the dataset's robot_type and fps; an InputError
    naming ``data_arg`` when either is missing."""
    robot_type = args.robot_type or info.get("robot_type") or ""
    if not robot_type:
        raise InputError("%s: info.json has no robot_type; pass --robot-type, e.g. --robot-type panda" % data_arg)
    control_hz = args.control_hz if args.control_hz is not None else info.get("fps")
    if not control_hz:
        raise InputError("%s: info.json has no fps; pass --control-hz" % data_arg)
    return robot_type, int(control_hz) if float(control_hz).is_integer() else float(control_hz)


class NpzDataset:
    """A dataset's NPZ export: float32 features by name, the int64 index columns, and info.json."""

    def __init__(self, path, arrays, info):
        self.path = path
        self.arrays = arrays
        self.info = info
        self.frames = len(arrays["episode_index"])
        self.episodes = int(len(np.unique(arrays["episode_index"])))

    def feature_names(self):
        """The float32 features, in file order."""
        return [k for k in self.arrays if k not in INTEGER_COLUMNS]

    def size(self, name):
        return self.feature(name).shape[1]

    def feature(self, name):
        """The float32 array ``[frames, size]`` of feature ``name``."""
        if name not in self.arrays or name in INTEGER_COLUMNS:
            raise InputError("%s: no feature '%s'; it has %s" % (self.path, name, ", ".join(self.feature_names())))
        return self.arrays[name]

    def concat(self, names):
        """Features ``names`` side by side, float32 ``[frames, sum of sizes]``."""
        if not names:
            return np.zeros((self.frames, 0), dtype=np.float32)
        return np.concatenate([self.feature(n) for n in names], axis=1)


def load_npz(path):
    """Reads and checks an NPZ export; raises :class:`InputError` naming the file and the array."""
    if not os.path.isfile(path):
        raise InputError("%s: not found; write one with: mantis dataset export DIR --format npz --out %s"
                         % (path, path))
    try:
        with np.load(path, allow_pickle=False) as npz:
            raw = {k: npz[k] for k in npz.files}
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise InputError("%s: not a NumPy .npz archive (%s); re-export it with mantis dataset export" % (path, e))
    if INFO_KEY not in raw:
        raise InputError("%s: no '%s' array (the dataset's info.json); is it a mantis dataset export?"
                         % (path, INFO_KEY))
    try:
        info = json.loads(bytes(raw.pop(INFO_KEY).astype(np.uint8)).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise InputError("%s: '%s' is not UTF-8 JSON (%s)" % (path, INFO_KEY, e))
    for k in INTEGER_COLUMNS:
        if k not in raw:
            raise InputError("%s: no '%s' array; is it a mantis dataset export?" % (path, k))
    frames = len(raw["episode_index"])
    arrays = {}
    for k, v in raw.items():
        if k in INTEGER_COLUMNS:
            if v.shape != (frames,) or v.dtype.kind not in "iu":
                raise InputError("%s: '%s' must be int64 [%d], found %s %s" % (path, k, frames, v.dtype, v.shape))
            arrays[k] = v.astype(np.int64)
        else:
            if v.ndim == 1:
                v = v.reshape(-1, 1)
            if v.ndim != 2 or v.shape[0] != frames or v.dtype.kind != "f":
                raise InputError("%s: feature '%s' must be float32 [%d, size], found %s %s"
                                 % (path, k, frames, v.dtype, v.shape))
            arrays[k] = v.astype(np.float32)
    if frames == 0:
        raise InputError("%s: the dataset has no frames" % path)
    return NpzDataset(path, arrays, info)


def merge_datasets(datasets):
    """One dataset of the frames of ``datasets`` (e.g. demonstrations and relabelled autonomous
    episodes), in order: their episode indices are renumbered so that none repeats; they must have
    the same features with the same sizes, and info.json is the first one's."""
    if len(datasets) == 1:
        return datasets[0]
    first = datasets[0]
    names = first.feature_names()
    for d in datasets[1:]:
        if d.feature_names() != names or any(d.size(n) != first.size(n) for n in names):
            raise InputError("%s and %s have different features; mix datasets of one task and robot"
                             % (first.path, d.path))
    arrays = {}
    offset = 0
    episodes = []
    for d in datasets:
        ids = d.arrays["episode_index"]
        _, renumbered = np.unique(ids, return_inverse=True)
        episodes.append(renumbered.astype(np.int64) + offset)
        offset += d.episodes
    arrays["episode_index"] = np.concatenate(episodes)
    for k in ("frame_index", "task_index"):
        arrays[k] = np.concatenate([d.arrays[k] for d in datasets])
    arrays["index"] = np.arange(len(arrays["episode_index"]), dtype=np.int64)
    for n in names:
        arrays[n] = np.concatenate([d.arrays[n] for d in datasets])
    return NpzDataset("+".join(d.path for d in datasets), arrays, first.info)


def feature_stats(values, min_std=DEFAULT_MIN_STD, output=False):
    """Mean and standard deviation of ``values`` ``[frames, size]`` per element, as float lists
    for the spec.

    An element whose std is below ``min_std`` is constant in the data. For an input it gets std 1,
    so that a deviation met at run time is not blown up; for the output (``output=True``) its std
    is raised to ``min_std``, so that the network's residual error on a constant element (e.g. the
    rotation deltas of a position-only task) is scaled down to ``min_std`` times that error.
    """
    v = np.asarray(values, dtype=np.float64)
    mean = v.mean(axis=0)
    std = v.std(axis=0)
    std = np.where(std < min_std, min_std if output else 1.0, std)
    return {"mean": [float(x) for x in mean], "std": [float(x) for x in std]}


def stats_arrays(stats, size):
    """(mean, std) float64 arrays from a spec normalization entry (or identity for None), std 0 -> 1."""
    if stats is None:
        return np.zeros(size), np.ones(size)
    mean = np.asarray(stats["mean"], dtype=np.float64)
    std = np.asarray(stats["std"], dtype=np.float64)
    return mean, np.where(std == 0, 1.0, std)


def normalize_features(values, features, normalization):
    """Concatenates raw feature values the way the host does and normalizes them.

    ``values``: {name: array [..., size]}; ``features``: [{"name", "size"}] in spec order;
    returns float64 ``[..., sum of sizes]``.
    """
    parts = []
    for f in features:
        x = np.asarray(values[f["name"]], dtype=np.float64)
        mean, std = stats_arrays(normalization.get(f["name"]), f["size"])
        parts.append((x - mean) / std)
    return np.concatenate(parts, axis=-1)


def denormalize_action(y, spec):
    """The host's ``y * std + mean`` for the action output (float64); the last axis is the action."""
    mean, std = stats_arrays(spec.get("normalization", {}).get(spec["action"]["name"]), spec["action"]["size"])
    return np.asarray(y, dtype=np.float64) * std + mean


def policy_spec(family, robot_type, controller, control_hz, observation, goal, action, normalization,
                tensors=None, settings=None):
    """The ``mantis.policy`` object.

    ``observation``/``goal``: [(name, size)]; ``action``: (name, size); ``normalization``:
    {feature: {"mean", "std"}}; ``tensors``: graph tensor names (defaults: observation, goal,
    action; no goal tensor when ``goal`` is empty); ``settings``: the family's settings object.
    """
    if family not in FAMILIES:
        raise ValueError("family '%s' is not one of %s" % (family, ", ".join(FAMILIES)))
    names = {"observation": "observation"}
    if goal and family != "latent_goal":  # a latent-goal policy takes z, not the goal
        names["goal"] = "goal"
    names["action"] = "action"
    names.update(tensors or {})
    spec = {
        "version": SPEC_VERSION,
        "family": family,
        "robot_type": robot_type,
        "controller": controller,
        "control_hz": control_hz,
        "observation": [{"name": n, "size": int(s)} for n, s in observation],
        "goal": [{"name": n, "size": int(s)} for n, s in goal],
        "action": {"name": action[0], "size": int(action[1])},
        "tensors": names,
        "normalization": normalization,
    }
    if settings is not None:
        spec[family] = settings
    return spec


def classifier_spec(robot_type, control_hz, observation, goal, normalization, output="success_probability",
                    threshold=0.5, confirm_frames=0):
    """The ``mantis.policy`` object of a success classifier (family ``success_classifier``): no
    action and no controller; the graph's ``output`` ``[batch, 1]`` is the probability that the
    goal is achieved, a success from ``threshold`` on; ``confirm_frames`` frames in a row at or
    above it end an episode early (0: never)."""
    if not 0 < threshold < 1:
        raise ValueError("threshold %r must be between 0 and 1" % threshold)
    names = {"observation": "observation"}
    if goal:
        names["goal"] = "goal"
    return {
        "version": SPEC_VERSION,
        "family": CLASSIFIER,
        "robot_type": robot_type,
        "controller": None,
        "control_hz": control_hz,
        "observation": [{"name": n, "size": int(s)} for n, s in observation],
        "goal": [{"name": n, "size": int(s)} for n, s in goal],
        "tensors": names,
        CLASSIFIER: {"output": output, "threshold": float(threshold), "confirm_frames": int(confirm_frames)},
        "normalization": normalization,
    }


def spec_json(spec):
    """The spec as the metadata string (keys in the README's order, no trailing spaces)."""
    return json.dumps(spec, ensure_ascii=False, allow_nan=False)


def export_onnx(module, example_inputs, input_names, output_names, dynamic_axes, spec, path):
    """Exports ``module`` (eval mode) to ONNX opset 13, attaches ``spec`` as metadata property
    ``mantis.policy``, checks the model and writes it to ``path`` (atomically); returns the bytes.

    ``dynamic_axes``: {tensor name: {axis: dim name}}, usually {name: {0: "batch"}} for each.
    """
    import onnx
    import torch

    module.eval()
    example = tuple(x if isinstance(x, torch.Tensor) else torch.from_numpy(np.asarray(x, dtype=np.float32))
                    for x in example_inputs)
    buf = io.BytesIO()
    with torch.no_grad():
        torch.onnx.export(module, example, buf, export_params=True, opset_version=OPSET,
                          do_constant_folding=True, input_names=list(input_names),
                          output_names=list(output_names), dynamic_axes=dynamic_axes,
                          training=torch.onnx.TrainingMode.EVAL)
        traced = module(*example)
    traced = traced if isinstance(traced, tuple) else (traced,)
    model = onnx.load_from_string(buf.getvalue())
    # The exporter names every output dimension symbolically; all but the dynamic ones are static.
    for output, value in zip(model.graph.output, traced):
        for axis, dim in enumerate(output.type.tensor_type.shape.dim):
            if axis not in dynamic_axes.get(output.name, {}):
                dim.Clear()
                dim.dim_value = int(value.shape[axis])
    del model.metadata_props[:]
    prop = model.metadata_props.add()
    prop.key = SPEC_KEY
    prop.value = spec_json(spec)
    onnx.checker.check_model(model, full_check=True)  # full_check: shape inference agrees too
    data = model.SerializeToString()
    write_atomically(path, data)
    return data


def dumps_json(value, indent=1, _level=0):
    """JSON text like ``json.dumps(value, indent=indent)``, but with lists of numbers (or null) on one
    line, so that tensors stay readable; no NaN or infinity."""
    pad = " " * (indent * (_level + 1))
    end = " " * (indent * _level)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = ["%s%s: %s" % (pad, json.dumps(k), dumps_json(v, indent, _level + 1)) for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    if isinstance(value, (list, tuple)):
        if all(v is None or isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            return json.dumps(list(value), allow_nan=False)
        return "[\n" + ",\n".join(pad + dumps_json(v, indent, _level + 1) for v in value) + "\n" + end + "]"
    return json.dumps(value, allow_nan=False)


def write_atomically(path, data):
    """Writes bytes or text to ``path`` through a temporary file in the same directory."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    tmp = os.path.join(directory, "." + os.path.basename(path) + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    os.replace(tmp, path)


def read_spec(model_or_path):
    """The ``mantis.policy`` object of an ONNX model (a path or a loaded ModelProto), or, for a
    model without it, of the sidecar ``MODEL.onnx.json``; raises :class:`InputError` if neither."""
    import onnx

    path = model_or_path if isinstance(model_or_path, str) else None
    model = onnx.load(path) if path else model_or_path
    for prop in model.metadata_props:
        if prop.key == SPEC_KEY:
            return json.loads(prop.value)
    if path and os.path.isfile(path + ".json"):
        with open(path + ".json", encoding="utf-8") as f:
            return json.load(f)
    raise InputError("%s: no '%s' metadata property and no sidecar %s.json"
                     % (path or "model", SPEC_KEY, path or "MODEL.onnx"))


def check_spec(spec, model=None):
    """Problems with a spec (an empty list if none): required keys, sizes, normalization lengths,
    family settings, and, given the ONNX ModelProto, that the named tensors exist."""
    problems = []
    classifier = spec.get("family") == CLASSIFIER
    for key in ("version", "family", "robot_type", "controller", "control_hz", "observation", "goal", "tensors") + (
            (CLASSIFIER,) if classifier else ("action",)):
        if key not in spec:
            problems.append("missing '%s'" % key)
    if problems:
        return problems
    if spec["version"] != SPEC_VERSION:
        problems.append("version %r, expected %d" % (spec["version"], SPEC_VERSION))
    family = spec["family"]
    if family not in FAMILIES and not classifier:
        problems.append("family '%s' is not one of %s" % (family, ", ".join(FAMILIES + (CLASSIFIER,))))
    sizes = {f["name"]: f["size"] for f in spec["observation"] + spec["goal"]}
    if classifier:
        settings = spec[CLASSIFIER]
        if "action" in spec or "action" in spec["tensors"]:
            problems.append("a %s has no action: remove 'action' and 'tensors.action'" % CLASSIFIER)
        if not 0 < settings.get("threshold", 0.5) < 1:
            problems.append("%s.threshold must be between 0 and 1" % CLASSIFIER)
    else:
        sizes[spec["action"]["name"]] = spec["action"]["size"]
    for name, stats in spec.get("normalization", {}).items():
        if name not in sizes:
            problems.append("normalization for '%s', which is neither an input feature nor the action" % name)
        elif len(stats.get("mean", [])) != sizes[name] or len(stats.get("std", [])) != sizes[name]:
            problems.append("normalization '%s': mean/std must hold %d numbers" % (name, sizes[name]))
    tensors = spec["tensors"]
    if bool(spec["goal"]) != ("goal" in tensors) and family != "latent_goal":
        problems.append("tensors.goal must be present exactly when 'goal' lists features")
    if classifier:
        inputs = [tensors["observation"]] + ([tensors["goal"]] if "goal" in tensors else [])
        return problems + graph_problems(model, inputs, [spec[CLASSIFIER]["output"]])
    settings = spec.get(family) if family in FAMILIES else None
    if family in ("latent_goal", "recurrent", "chunked", "diffusion") and not isinstance(settings, dict):
        problems.append("family '%s' needs a '%s' settings object" % (family, family))
        return problems
    inputs = [tensors["observation"]]
    outputs = [tensors["action"]]
    if "goal" in tensors:
        inputs.append(tensors["goal"])
    if family == "latent_goal":
        if [f["name"] for f in spec["goal"]] != [f["name"] for f in spec["observation"]]:
            problems.append("latent_goal: 'goal' must list the same features as 'observation'")
        inputs += [settings["encoder_input"], settings["latent_input"]]
        outputs.append(settings["encoder_output"])
    elif family == "recurrent":
        if not (len(settings["state_inputs"]) == len(settings["state_outputs"]) == len(settings["state_sizes"])):
            problems.append("recurrent: state_inputs, state_outputs and state_sizes differ in length")
        inputs += settings["state_inputs"]
        outputs += settings["state_outputs"]
    elif family == "diffusion":
        inputs += [settings["sample_input"], settings["timestep_input"]]
    return problems + graph_problems(model, inputs, outputs)


def graph_problems(model, inputs, outputs):
    """Problems with the tensor names a spec gives against the ONNX ModelProto (none for None)."""
    problems = []
    if model is not None:
        graph_inputs = {i.name for i in model.graph.input} - {i.name for i in model.graph.initializer}
        graph_outputs = {o.name for o in model.graph.output}
        for name in inputs:
            if name not in graph_inputs:
                problems.append("input tensor '%s' is not a graph input (%s)" % (name, sorted(graph_inputs)))
        for name in outputs:
            if name not in graph_outputs:
                problems.append("output tensor '%s' is not a graph output (%s)" % (name, sorted(graph_outputs)))
        for name in graph_inputs - set(inputs):
            problems.append("graph input '%s' is not named by the spec" % name)
    return problems


def fit(model, optimiser, n, batch, epochs, lr, shuffle, batch_loss, report_every, report_suffix=None):
    """Trains ``model`` on ``n`` rows: each epoch visits them in a new order (``shuffle``, a torch
    Generator) in mini-batches of ``batch``, with the learning rate falling from ``lr`` to 0 on a cosine
    over all steps; ``batch_loss(rows)`` is the mean loss of a batch (a tensor of row indices). Prints
    the epoch's mean loss after the first, every ``report_every``-th and the last epoch, followed by
    ``report_suffix()`` if given. Returns the mean training loss of each epoch."""
    import math

    import torch

    steps_per_epoch = math.ceil(n / batch)
    total_steps = steps_per_epoch * epochs
    history = []
    step = 0
    model.train()
    for epoch in range(epochs):
        order = torch.randperm(n, generator=shuffle)
        total = 0.0
        for b in range(steps_per_epoch):
            rows = order[b * batch:(b + 1) * batch]
            for group in optimiser.param_groups:
                group["lr"] = lr * 0.5 * (1.0 + math.cos(math.pi * step / total_steps))
            loss = batch_loss(rows)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += loss.item() * len(rows)
            step += 1
        history.append(total / n)
        if epoch == 0 or (epoch + 1) % max(1, report_every) == 0 or epoch + 1 == epochs:
            line = "epoch %4d/%d  loss %.6f" % (epoch + 1, epochs, history[-1])
            if report_suffix is not None:
                line += report_suffix()
            print(line, flush=True)
    return history


def mlp(in_size, hidden, layers, out_size):
    """``layers`` hidden Linear+ReLU layers of width ``hidden``, then a Linear to ``out_size``."""
    import torch.nn as nn

    mods = []
    width = in_size
    for _ in range(layers):
        mods += [nn.Linear(width, hidden), nn.ReLU()]
        width = hidden
    mods.append(nn.Linear(width, out_size))
    return nn.Sequential(*mods)


def feedforward_policy(observation_size, goal_size, hidden, layers, action_size):
    """The feedforward family's module: ``action = MLP(concat(observation, goal))`` on normalized
    values; ``forward(observation, goal)`` (or ``forward(observation)`` when ``goal_size`` is 0)."""
    import torch
    import torch.nn as nn

    class FeedForwardPolicy(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = mlp(observation_size + goal_size, hidden, layers, action_size)

        def forward(self, observation, goal=None):
            x = observation if goal is None else torch.cat([observation, goal], dim=1)
            return self.net(x)

    return FeedForwardPolicy()


# Diffusion sampling, as the host runs it (policies/README.md, family "diffusion"). The formulas
# are those of diffusers' DDIMScheduler (eta 0, set_alpha_to_one, steps_offset 0, "leading"
# timestep spacing, the model's noise kept unclipped) and DDPMScheduler (variance "fixed_small"),
# in float64. DIFFUSION_FORMULAS says them in words for the Java side.
DIFFUSION_FORMULAS = [
    "T = train_steps. betas[i] for i = 0..T-1: 'squaredcos_cap_v2': min(1 - abar((i + 1) / T) / abar(i / T), 0.999) "
    "with abar(s) = cos((s + 0.008) / 1.008 * pi / 2)^2; 'linear': beta_start + (beta_end - beta_start) * i / (T - 1); "
    "'scaled_linear': (sqrt(beta_start) + (sqrt(beta_end) - sqrt(beta_start)) * i / (T - 1))^2",
    "alphas_cumprod[i] = prod over j = 0..i of (1 - betas[j])",
    "step_ratio = T / steps (integer division); timesteps = [(steps - 1 - k) * step_ratio for k = 0..steps-1], "
    "e.g. T 100, steps 10: 90, 80, ..., 10, 0",
    "x = the initial noise [batch, horizon, size]; for each t in timesteps, in that order: prev = t - step_ratio; "
    "a_t = alphas_cumprod[t]; a_prev = alphas_cumprod[prev] if prev >= 0 else 1.0",
    "eps = denoiser(sample = x, timestep = float32(t) for each batch row, observation, goal), all normalized",
    "x0 = (x - sqrt(1 - a_t) * eps) / sqrt(a_t); then x0 = min(max(x0, -clip_sample), clip_sample) element-wise "
    "(no clipping when clip_sample is absent, null or <= 0)",
    "ddim (eta = 0): x = sqrt(a_prev) * x0 + sqrt(1 - a_prev) * eps (eps as the model gave it, not recomputed "
    "from the clipped x0)",
    "ddpm: alpha = a_t / a_prev; beta = 1 - alpha; mean = sqrt(a_prev) * beta / (1 - a_t) * x0 "
    "+ sqrt(alpha) * (1 - a_prev) / (1 - a_t) * x; variance = max((1 - a_prev) / (1 - a_t) * beta, 1e-20); "
    "x = mean + sqrt(variance) * z with z ~ N(0, I) [batch, horizon, size] drawn per step if t > 0, else x = mean",
    "after the last step x is the normalized action: action = x * std + mean per action element, for each of the "
    "horizon rows",
]


def diffusion_schedule(settings):
    """{"betas", "alphas_cumprod" (float64 arrays [train_steps]), "timesteps" (descending ints),
    "step_ratio"} for the family's settings object."""
    t_total = int(settings["train_steps"])
    steps = int(settings["steps"])
    if not 1 <= steps <= t_total:
        raise ValueError("diffusion: steps %d must be in 1..train_steps %d" % (steps, t_total))
    kind = settings.get("beta_schedule", "squaredcos_cap_v2")
    i = np.arange(t_total, dtype=np.float64)
    if kind == "squaredcos_cap_v2":
        def abar(s):
            return np.cos((s + 0.008) / 1.008 * np.pi / 2) ** 2
        betas = np.minimum(1 - abar((i + 1) / t_total) / abar(i / t_total), 0.999)
    elif kind == "linear":
        betas = settings["beta_start"] + (settings["beta_end"] - settings["beta_start"]) * i / max(t_total - 1, 1)
    elif kind == "scaled_linear":
        lo, hi = np.sqrt(settings["beta_start"]), np.sqrt(settings["beta_end"])
        betas = (lo + (hi - lo) * i / max(t_total - 1, 1)) ** 2
    else:
        raise ValueError("diffusion: beta_schedule '%s' is not squaredcos_cap_v2, linear or scaled_linear" % kind)
    step_ratio = t_total // steps
    return {"betas": betas, "alphas_cumprod": np.cumprod(1.0 - betas),
            "timesteps": [(steps - 1 - k) * step_ratio for k in range(steps)], "step_ratio": step_ratio}


def diffusion_sample(denoise, noise, settings, step_noise=None):
    """Runs the sampler: ``denoise(x float64 [batch, horizon, size], t int) -> eps`` (an array of
    the same shape), from ``noise``; ``step_noise``: for ddpm, one array like ``noise`` per step
    (the last unused). Returns (x, trace): the clean normalized sample and, per step, a dict of
    t, prev, a_t, a_prev, sample, eps, x0 (clipped), clipped (count), z, prev_sample."""
    schedule = diffusion_schedule(settings)
    ac = schedule["alphas_cumprod"]
    clip = settings.get("clip_sample")
    kind = settings.get("schedule", "ddim")
    if kind not in ("ddim", "ddpm"):
        raise ValueError("diffusion: schedule '%s' is not ddim or ddpm" % kind)
    x = np.asarray(noise, dtype=np.float64)
    trace = []
    for k, t in enumerate(schedule["timesteps"]):
        prev = t - schedule["step_ratio"]
        a_t = float(ac[t])
        a_prev = float(ac[prev]) if prev >= 0 else 1.0
        eps = np.asarray(denoise(x, t), dtype=np.float64)
        x0 = (x - np.sqrt(1 - a_t) * eps) / np.sqrt(a_t)
        clipped = 0
        if clip is not None and clip > 0:
            clipped = int(np.sum(np.abs(x0) > clip))
            x0 = np.clip(x0, -clip, clip)
        z = None
        if kind == "ddim":
            nxt = np.sqrt(a_prev) * x0 + np.sqrt(1 - a_prev) * eps
        else:
            alpha = a_t / a_prev
            beta = 1 - alpha
            mean = np.sqrt(a_prev) * beta / (1 - a_t) * x0 + np.sqrt(alpha) * (1 - a_prev) / (1 - a_t) * x
            nxt = mean
            if t > 0:
                z = np.asarray(step_noise[k], dtype=np.float64)
                variance = max((1 - a_prev) / (1 - a_t) * beta, 1e-20)
                nxt = mean + np.sqrt(variance) * z
        trace.append({"t": t, "prev": prev, "a_t": a_t, "a_prev": a_prev, "sample": x, "eps": eps, "x0": x0,
                      "clipped": clipped, "z": z, "prev_sample": nxt})
        x = nxt
    return x, trace
