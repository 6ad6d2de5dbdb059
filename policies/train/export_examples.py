#!/usr/bin/python3
"""Writes small, randomly initialised (seeded) example models of every policy family in
policies/README.md, each with a ``mantis.policy`` spec and a ``NAME.reference.json`` that holds
fixed inputs and what the host must make of them (PyTorch's outputs), so that the Java host can
be checked to 1e-5. Also ``nan_output.onnx`` (a feedforward model whose action is NaN for every
input) and ``corrupt.onnx`` (the first half of ``feedforward.onnx``'s bytes).

    /usr/bin/python3 policies/train/export_examples.py --out policies/src/test/resources/models

Every model: robot_type "panda", controller "pd_ee_delta_pose", control_hz 20, observation
observation.state (8) + observation.environment_state (7), goal observation.goal.state (3),
action (7); normalization with non-trivial means and stds. On purpose, to test the host's rules:
``normalization["observation.environment_state"].std[6]`` is 0 (the host treats it as 1), and
``chunked.onnx`` has no normalization for observation.goal.state (fed raw).

Choices where policies/README.md leaves room (also written into each reference file):

- latent_goal: ``goal`` lists the same features as ``observation`` (the README requires it), so
  the goal observation is an observation of the solved scene. The encoder input ``phi_in`` is fed
  the normalized concatenated features, like ``observation``; ``z`` is fed as computed (not
  normalized); the norm is the Euclidean norm over the latent_size elements of each batch row.
  The encoder path (phi_in -> phi_out) and the policy path (observation, z -> action) share no
  nodes and have separate dynamic batch dimensions ("encoder_batch", "batch"), so the host may
  encode goal and observation in one call of batch 2. ONNX Runtime (1.29, checked) runs every
  node whatever outputs are asked for, so every graph input needs a value in every run: feed
  zeros (batch 1, or any batch) to the path not in use.
- recurrent: one state tensor, a GRU cell of 64 units; ``h_out`` of a step is ``h_in`` of the next;
  the state is zeros [batch, 64] after reset.
- chunked: row 0 of the [batch, 16, 7] output is the action for the step the call is made at.
- diffusion: the denoiser predicts the noise (epsilon); ``tensors.action`` names its output
  ("predicted_noise", so a host that assumes "action" is caught). Sampling formulas: see
  ``mantis_policy.DIFFUSION_FORMULAS`` (written into the reference files), those of diffusers'
  DDIM (eta 0) and DDPM schedulers. ``diffusion.onnx`` is DDIM, horizon 1;
  ``diffusion_ddpm.onnx`` is DDPM, horizon 4, and its reference records the noise z of each step.

Deterministic: the same bytes on every run with the same PyTorch and onnx.
"""

import argparse
import json
import os
import sys

import numpy as np

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mantis_policy as mp  # noqa: E402

SEED = 0
TOLERANCE = 1e-5
ROBOT_TYPE = "panda"
CONTROLLER = "pd_ee_delta_pose"
CONTROL_HZ = 20
OBSERVATION = [("observation.state", 8), ("observation.environment_state", 7)]
GOAL = [("observation.goal.state", 3)]
ACTION = ("action", 7)
OBS_SIZE = sum(s for _, s in OBSERVATION)
GOAL_SIZE = sum(s for _, s in GOAL)
HIDDEN = 64
NORMALIZATION = {
    # panda joints around the ready pose (rad), then the gripper width (m)
    "observation.state": {"mean": [0.0, -0.785, 0.0, -2.356, 0.0, 1.571, 0.785, 0.04],
                          "std": [0.35, 0.3, 0.35, 0.4, 0.35, 0.3, 0.4, 0.02]},
    # one object: x y z (m), quaternion x y z w; std[6] = 0 on purpose (the host treats it as 1)
    "observation.environment_state": {"mean": [0.0, 0.0, 0.025, 0.0, 0.0, 0.0, 1.0],
                                      "std": [0.1, 0.15, 0.01, 0.05, 0.05, 0.3, 0.0]},
    "observation.goal.state": {"mean": [0.0, 0.0, 0.2], "std": [0.09, 0.14, 0.09]},
    # end-effector deltas (m, rad), then the gripper width (m); stds on the large side so that a
    # host's mistake shows in the denormalized action, not only in the normalized sample
    "action": {"mean": [0.0125, 0.0004, -0.012, 0.0, 0.0, 0.0, 0.04],
               "std": [0.02, 0.03, 0.02, 0.05, 0.05, 0.08, 0.02]},
}
HOST_ARITHMETIC = (
    "Raw feature values are concatenated in spec order and normalized as (x - mean) / std in float64 "
    "(a std of 0 counts as 1), then fed as float32; outputs are read as float32 and denormalized as "
    "y * std + mean in float64. Doing the same in float32 stays well within the tolerance.")
NOTES_COMMON = [
    "normalization['observation.environment_state'].std[6] is 0 on purpose: the host treats it as 1",
    "'inputs' and 'outputs' hold the graph's tensors by name, shaped as fed or produced (batch 1); "
    "'outputs' are PyTorch's, float32 values written as decimals",
]


def settings_for(family, horizon=1, schedule="ddim"):
    if family == "latent_goal":
        return {"encoder_input": "phi_in", "encoder_output": "phi_out", "latent_input": "z", "latent_size": 32}
    if family == "recurrent":
        return {"state_inputs": ["h_in"], "state_outputs": ["h_out"], "state_sizes": [HIDDEN]}
    if family == "chunked":
        return {"horizon": 16, "execute": 8, "ensemble": "none", "k": 0.01}
    if family == "diffusion":
        return {"schedule": schedule, "train_steps": 100, "steps": 10, "beta_start": 0.0001, "beta_end": 0.02,
                "beta_schedule": "squaredcos_cap_v2", "horizon": horizon, "sample_input": "sample",
                "timestep_input": "timestep", "clip_sample": 1.0}
    return None


def spec_for(family, settings=None, normalization=None, tensors=None):
    goal = OBSERVATION if family == "latent_goal" else GOAL
    used = {n for n, _ in OBSERVATION + goal} | {ACTION[0]}
    norm = {k: json.loads(json.dumps(v)) for k, v in (normalization or NORMALIZATION).items() if k in used}
    return mp.policy_spec(family, ROBOT_TYPE, CONTROLLER, CONTROL_HZ, OBSERVATION, goal, ACTION, norm,
                          tensors=tensors, settings=settings)


# ---- the modules -------------------------------------------------------------------------------

def build_modules():
    import torch
    import torch.nn as nn

    class LatentGoal(nn.Module):
        """Two independent paths: phi_in -> phi_out (the encoder), (observation, z) -> action."""

        def __init__(self, latent):
            super().__init__()
            self.phi = mp.mlp(OBS_SIZE, HIDDEN, 1, latent)
            self.policy = mp.mlp(OBS_SIZE + latent, HIDDEN, 2, ACTION[1])

        def forward(self, phi_in, observation, z):
            return self.phi(phi_in), self.policy(torch.cat([observation, z], dim=1))

    class Recurrent(nn.Module):
        """An encoder, a GRU cell (written out, so that it exports as plain Gemm/Sigmoid/Tanh), a head."""

        def __init__(self):
            super().__init__()
            self.encoder = nn.Sequential(nn.Linear(OBS_SIZE + GOAL_SIZE, HIDDEN), nn.ReLU())
            self.x_r, self.x_u, self.x_n = (nn.Linear(HIDDEN, HIDDEN) for _ in range(3))
            self.h_r, self.h_u, self.h_n = (nn.Linear(HIDDEN, HIDDEN) for _ in range(3))
            self.head = nn.Linear(HIDDEN, ACTION[1])

        def forward(self, observation, goal, h_in):
            x = self.encoder(torch.cat([observation, goal], dim=1))
            r = torch.sigmoid(self.x_r(x) + self.h_r(h_in))
            u = torch.sigmoid(self.x_u(x) + self.h_u(h_in))
            n = torch.tanh(self.x_n(x) + r * self.h_n(h_in))
            h = (1 - u) * n + u * h_in
            return self.head(h), h

    class Chunked(nn.Module):
        def __init__(self, horizon):
            super().__init__()
            self.horizon = horizon
            self.net = mp.mlp(OBS_SIZE + GOAL_SIZE, HIDDEN, 2, horizon * ACTION[1])

        def forward(self, observation, goal):
            return self.net(torch.cat([observation, goal], dim=1)).reshape(-1, self.horizon, ACTION[1])

    class Denoiser(nn.Module):
        """Predicts the noise in ``sample`` at diffusion step ``timestep`` (a sinusoidal embedding)."""

        def __init__(self, horizon, embedding=16):
            super().__init__()
            self.horizon = horizon
            half = embedding // 2
            self.register_buffer("freqs", torch.exp(-np.log(10000.0) * torch.arange(half, dtype=torch.float32) / half))
            self.net = mp.mlp(horizon * ACTION[1] + embedding + OBS_SIZE + GOAL_SIZE, HIDDEN, 2,
                              horizon * ACTION[1])

        def forward(self, sample, timestep, observation, goal):
            angle = timestep.unsqueeze(1) * self.freqs.unsqueeze(0)
            x = torch.cat([sample.flatten(1), torch.sin(angle), torch.cos(angle), observation, goal], dim=1)
            return self.net(x).reshape(-1, self.horizon, ACTION[1])

    class NanOutput(nn.Module):
        """A feedforward policy whose action is NaN whatever the input (NaN + x is NaN)."""

        def __init__(self):
            super().__init__()
            self.net = mp.mlp(OBS_SIZE + GOAL_SIZE, 16, 1, ACTION[1])
            self.register_buffer("nan", torch.full((1, ACTION[1]), float("nan")))

        def forward(self, observation, goal):
            return self.net(torch.cat([observation, goal], dim=1)) + self.nan

    return LatentGoal, Recurrent, Chunked, Denoiser, NanOutput


# ---- inputs ------------------------------------------------------------------------------------

def rounded(a):
    return np.round(np.asarray(a, dtype=np.float64), 4)


def raw_observation(rng):
    """Plausible raw feature values (4 decimals): joints near the mean, an object on the table."""
    state = NORMALIZATION["observation.state"]
    q = np.asarray(state["mean"]) + np.asarray(state["std"]) * rng.normal(size=8) * 0.8
    q[7] = rng.uniform(0.0, 0.08)
    yaw = rng.uniform(-np.pi, np.pi)
    env = [rng.uniform(-0.15, 0.15), rng.uniform(-0.25, 0.25), 0.025, 0.0, 0.0, np.sin(yaw / 2), np.cos(yaw / 2)]
    return {"observation.state": rounded(q), "observation.environment_state": rounded(env)}


def raw_goal(rng):
    return {"observation.goal.state": rounded([rng.uniform(-0.15, 0.15), rng.uniform(-0.25, 0.25),
                                               rng.uniform(0.05, 0.35)])}


def features_json(values):
    return {k: [float(x) for x in v] for k, v in values.items()}


def tensor_json(a):
    return np.asarray(a, dtype=np.float64).tolist()


def f32(a):
    return np.asarray(a, dtype=np.float32)


# ---- families ----------------------------------------------------------------------------------

class Exporter:
    def __init__(self, out):
        import torch

        self.torch = torch
        self.out = out
        self.written = []

    def seed(self, offset):
        self.torch.manual_seed(SEED + offset)
        return np.random.default_rng(SEED + offset)

    def model(self, name, module, example, inputs, outputs, spec, axes=None):
        problems = mp.check_spec(spec)
        if problems:
            raise AssertionError("%s: %s" % (name, "; ".join(problems)))
        dynamic = axes or {k: {0: "batch"} for k in list(inputs) + list(outputs)}
        data = mp.export_onnx(module, example, inputs, outputs, dynamic, spec, os.path.join(self.out, name + ".onnx"))
        self.written.append((name + ".onnx", len(data)))
        return data

    def reference(self, name, spec, cases, notes, extra=None):
        doc = {
            "format": "mantis.policy.reference/1",
            "model": name + ".onnx",
            "family": spec["family"],
            "generated_by": "policies/train/export_examples.py, seed %d, torch %s"
                            % (SEED, self.torch.__version__.split("+")[0]),
            "tolerance": TOLERANCE,
            "host_arithmetic": HOST_ARITHMETIC,
            "notes": NOTES_COMMON + notes,
        }
        doc.update(extra or {})
        doc["cases"] = cases
        text = mp.dumps_json(doc) + "\n"
        mp.write_atomically(os.path.join(self.out, name + ".reference.json"), text)
        self.written.append((name + ".reference.json", len(text)))

    def run(self, module, *arrays):
        with self.torch.no_grad():
            out = module(*[self.torch.from_numpy(f32(a)) for a in arrays])
        if isinstance(out, tuple):
            return [o.numpy() for o in out]
        return out.numpy()

    # feedforward ---------------------------------------------------------------------------
    def feedforward(self):
        rng = self.seed(1)
        spec = spec_for("feedforward")
        module = mp.feedforward_policy(OBS_SIZE, GOAL_SIZE, HIDDEN, 2, ACTION[1])
        module.eval()
        cases = []
        for k in range(3):
            obs, goal = raw_observation(rng), raw_goal(rng)
            o = f32(mp.normalize_features(obs, spec["observation"], spec["normalization"]))[None]
            g = f32(mp.normalize_features(goal, spec["goal"], spec["normalization"]))[None]
            y = self.run(module, o, g)
            cases.append({"name": "case%d" % k, "observation": features_json(obs), "goal": features_json(goal),
                          "inputs": {"observation": tensor_json(o), "goal": tensor_json(g)},
                          "outputs": {"action": tensor_json(y)},
                          "action": tensor_json(mp.denormalize_action(y[0], spec))})
        self.model("feedforward", module, (f32(o), f32(g)), ["observation", "goal"], ["action"], spec)
        self.reference("feedforward", spec, cases,
                       ["each case: act(observation, goal) once; 'action' is the final, denormalized action"])

    # latent goal ---------------------------------------------------------------------------
    def latent_goal(self):
        LatentGoal = build_modules()[0]
        rng = self.seed(2)
        settings = settings_for("latent_goal")
        spec = spec_for("latent_goal", settings)
        module = LatentGoal(settings["latent_size"])
        module.eval()
        cases = []
        for k in range(3):
            obs = raw_observation(rng)
            solved = obs if k == 2 else raw_observation(rng)  # case 2: the goal is reached, z = 0
            o = f32(mp.normalize_features(obs, spec["observation"], spec["normalization"]))[None]
            s = f32(mp.normalize_features(solved, spec["goal"], spec["normalization"]))[None]
            zero_z = np.zeros((1, settings["latent_size"]), np.float32)
            phi_o = self.run(module, o, o, zero_z)[0]
            phi_g = self.run(module, s, o, zero_z)[0]
            diff = phi_g.astype(np.float64) - phi_o.astype(np.float64)
            z = f32(diff / max(np.linalg.norm(diff, axis=1)[0], 1e-6))
            y = self.run(module, o, o, z)[1]
            cases.append({"name": "case%d" % k, "observation": features_json(obs), "goal": features_json(solved),
                          "encoder": {"observation": {"inputs": {"phi_in": tensor_json(o)},
                                                      "outputs": {"phi_out": tensor_json(phi_o)}},
                                      "goal": {"inputs": {"phi_in": tensor_json(s)},
                                               "outputs": {"phi_out": tensor_json(phi_g)}}},
                          "inputs": {"observation": tensor_json(o), "z": tensor_json(z)},
                          "outputs": {"action": tensor_json(y)},
                          "action": tensor_json(mp.denormalize_action(y[0], spec))})
        axes = {"phi_in": {0: "encoder_batch"}, "phi_out": {0: "encoder_batch"}, "observation": {0: "batch"},
                "z": {0: "batch"}, "action": {0: "batch"}}
        self.model("latent_goal", module, (o, o, z), ["phi_in", "observation", "z"], ["phi_out", "action"], spec,
                   axes)
        self.reference("latent_goal", spec, cases, [
            "goal lists the same features as observation: the goal observation is one of the solved scene",
            "phi_in is fed the normalized concatenated features (as observation is); z is fed unnormalized",
            "z = (phi_out(goal) - phi_out(observation)) / max(||phi_out(goal) - phi_out(observation)||_2, 1e-6), "
            "the norm over the latent_size elements of the row, computed in float64 and fed as float32",
            "the encoder path (phi_in -> phi_out) and the policy path (observation, z -> action) share no nodes; "
            "their batch dimensions are separate ('encoder_batch', 'batch'); ONNX Runtime runs every node, so "
            "every graph input needs a value in every run: feed zeros (any batch) to the path not in use",
            "case2: the goal observation equals the observation, so z is all zeros (the 1e-6 guard)",
        ])

    # recurrent -----------------------------------------------------------------------------
    def recurrent(self):
        Recurrent = build_modules()[1]
        rng = self.seed(3)
        settings = settings_for("recurrent")
        spec = spec_for("recurrent", settings)
        module = Recurrent()
        module.eval()
        h = np.zeros((1, HIDDEN), np.float32)
        steps = []
        goal = raw_goal(rng)
        for k in range(5):
            obs = raw_observation(rng)
            o = f32(mp.normalize_features(obs, spec["observation"], spec["normalization"]))[None]
            g = f32(mp.normalize_features(goal, spec["goal"], spec["normalization"]))[None]
            y, h_out = self.run(module, o, g, h)
            steps.append({"step": k, "observation": features_json(obs), "goal": features_json(goal),
                          "inputs": {"observation": tensor_json(o), "goal": tensor_json(g), "h_in": tensor_json(h)},
                          "outputs": {"action": tensor_json(y), "h_out": tensor_json(h_out)},
                          "action": tensor_json(mp.denormalize_action(y[0], spec))})
            h = h_out
        self.model("recurrent", module, (o, g, h), ["observation", "goal", "h_in"], ["action", "h_out"], spec)
        self.reference("recurrent", spec, [{"name": "sequence0", "initial_state": {"h_in": [[0.0] * HIDDEN]},
                                            "steps": steps}], [
            "one case: reset (h_in = zeros [1, 64]), then act() 5 times with the steps' observations and goal; "
            "each step's h_out is fed back as the next step's h_in; 'action' per step is the denormalized action",
        ])

    # chunked -------------------------------------------------------------------------------
    def chunked(self):
        Chunked = build_modules()[2]
        rng = self.seed(4)
        settings = settings_for("chunked")
        normalization = {k: v for k, v in NORMALIZATION.items() if k != "observation.goal.state"}
        spec = spec_for("chunked", settings, normalization)
        module = Chunked(settings["horizon"])
        module.eval()
        cases = []
        for k in range(3):
            obs, goal = raw_observation(rng), raw_goal(rng)
            o = f32(mp.normalize_features(obs, spec["observation"], spec["normalization"]))[None]
            g = f32(mp.normalize_features(goal, spec["goal"], spec["normalization"]))[None]
            y = self.run(module, o, g)
            cases.append({"name": "case%d" % k, "observation": features_json(obs), "goal": features_json(goal),
                          "inputs": {"observation": tensor_json(o), "goal": tensor_json(g)},
                          "outputs": {"action": tensor_json(y)},
                          "actions": tensor_json(mp.denormalize_action(y[0], spec))})
        self.model("chunked", module, (o, g), ["observation", "goal"], ["action"], spec)
        self.reference("chunked", spec, cases, [
            "normalization has no entry for observation.goal.state on purpose: the goal is fed raw",
            "each case: one call; 'actions' is the denormalized chunk [16][7], row 0 the action for the step "
            "the call is made at, row i the action i steps later",
        ])

    # diffusion -----------------------------------------------------------------------------
    def diffusion(self, name, schedule, horizon, offset):
        Denoiser = build_modules()[3]
        rng = self.seed(offset)
        settings = settings_for("diffusion", horizon, schedule)
        spec = spec_for("diffusion", settings, tensors={"action": "predicted_noise"})
        module = Denoiser(horizon)
        module.eval()
        sched = mp.diffusion_schedule(settings)
        cases = []
        for k in range(2):
            obs, goal = raw_observation(rng), raw_goal(rng)
            o = f32(mp.normalize_features(obs, spec["observation"], spec["normalization"]))[None]
            g = f32(mp.normalize_features(goal, spec["goal"], spec["normalization"]))[None]
            noise = rounded(rng.normal(size=(1, horizon, ACTION[1])))
            step_noise = ([rounded(rng.normal(size=(1, horizon, ACTION[1]))) for _ in sched["timesteps"]]
                          if schedule == "ddpm" else None)
            if step_noise is not None:
                step_noise[-1] = None  # the last step (t = 0) adds no noise

            def denoise(x, t):
                return self.run(module, f32(x), np.full((1,), t, np.float32), o, g)

            sample, trace = mp.diffusion_sample(denoise, noise, settings, step_noise)
            steps = []
            for s in trace:
                step = {"timestep": s["t"], "prev_timestep": s["prev"], "alpha_cumprod": s["a_t"],
                        "alpha_cumprod_prev": s["a_prev"],
                        "inputs": {"sample": tensor_json(f32(s["sample"])), "timestep": [float(s["t"])],
                                   "observation": tensor_json(o), "goal": tensor_json(g)},
                        "outputs": {"predicted_noise": tensor_json(s["eps"])},
                        "pred_original_sample": tensor_json(s["x0"]), "clipped_elements": s["clipped"]}
                if schedule == "ddpm":
                    step["noise"] = None if s["z"] is None else tensor_json(s["z"])
                step["prev_sample"] = tensor_json(s["prev_sample"])
                steps.append(step)
            cases.append({"name": "case%d" % k, "observation": features_json(obs), "goal": features_json(goal),
                          "noise": tensor_json(noise), "steps": steps, "sample": tensor_json(sample),
                          "action": tensor_json(mp.denormalize_action(sample[0], spec))})
        example = (f32(noise), np.full((1,), 90, np.float32), o, g)
        self.model(name, module, example, ["sample", "timestep", "observation", "goal"], ["predicted_noise"], spec)
        notes = [
            "tensors.action is 'predicted_noise': the denoiser's prediction of the noise (epsilon) in 'sample'",
            "each case: 'noise' is the initial sample [1][horizon][7] (it replaces the host's seeded Gaussian "
            "draw); then one denoiser call per entry of 'steps', in order; 'sample' is the final normalized "
            "sample, 'action' its denormalization [horizon][7]",
            "'inputs.sample' is the sample as fed (float32); 'pred_original_sample' is x0 after clipping; "
            "'clipped_elements' counts the elements clipping changed; 'prev_sample' is x after the update",
            "the sampler keeps x in float64 between steps and feeds it as float32; keeping it in float32 "
            "stays within the tolerance (policies/train/selfcheck.py measures it)",
        ]
        if schedule == "ddpm":
            notes.append("'noise' of each step is the z of the DDPM update (null for the last step, t = 0): "
                         "a host test must inject these instead of drawing them")
            notes.append("horizon 4: the sample is [batch, 4, 7]; how many of the 4 actions the host executes "
                         "is not said by policies/README.md; the reference gives all 4")
        self.reference(name, spec, cases, notes, {"schedule": {
            "schedule": schedule, "train_steps": settings["train_steps"], "steps": settings["steps"],
            "beta_schedule": settings["beta_schedule"], "eta": 0.0, "clip_sample": settings["clip_sample"],
            "final_alpha_cumprod": 1.0, "step_ratio": sched["step_ratio"], "timesteps": sched["timesteps"],
            "betas": [float(b) for b in sched["betas"]],
            "alphas_cumprod": [float(a) for a in sched["alphas_cumprod"]],
            "formulas": mp.DIFFUSION_FORMULAS}})

    # broken models -------------------------------------------------------------------------
    def nan_output(self):
        NanOutput = build_modules()[4]
        self.seed(7)
        module = NanOutput()
        o = np.zeros((1, OBS_SIZE), np.float32)
        g = np.zeros((1, GOAL_SIZE), np.float32)
        assert np.isnan(self.run(module, o, g)).all()
        self.model("nan_output", module, (o, g), ["observation", "goal"], ["action"], spec_for("feedforward"))

    def corrupt(self):
        import onnx
        from google.protobuf.message import DecodeError

        with open(os.path.join(self.out, "feedforward.onnx"), "rb") as f:
            data = f.read()
        cut = data[:len(data) // 2]
        try:
            onnx.load_from_string(cut)
            raise AssertionError("half of feedforward.onnx still parses; choose another cut")
        except DecodeError:
            pass
        mp.write_atomically(os.path.join(self.out, "corrupt.onnx"), cut)
        self.written.append(("corrupt.onnx", len(cut)))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="Example:\n  /usr/bin/python3 policies/train/export_examples.py "
                                       "--out policies/src/test/resources/models")
    p.add_argument("--out", required=True, metavar="DIR", help="directory to write the models and references to")
    args = p.parse_args(argv)
    import torch

    torch.set_num_threads(1)
    os.makedirs(args.out, exist_ok=True)
    e = Exporter(args.out)
    e.feedforward()
    e.latent_goal()
    e.recurrent()
    e.chunked()
    e.diffusion("diffusion", "ddim", 1, 5)
    e.diffusion("diffusion_ddpm", "ddpm", 4, 6)
    e.nan_output()
    e.corrupt()
    for name, size in e.written:
        print("%-32s %7d bytes" % (name, size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
