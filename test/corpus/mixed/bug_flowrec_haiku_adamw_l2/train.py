# Idiom seen in: MagriLab/FlowReconstructionFromExperiment train_config/train_options/optimizer.py
# Idiom seen in: MagriLab/FlowReconstructionFromExperiment flowrec/training_and_states.py
# Idiom seen in: MagriLab/FlowReconstructionFromExperiment train_config/train_options/loss_fn.py
# What it reproduces: haiku + optax training where get_optimizer(traincfg) builds optax.adamw with
# weight_decay=traincfg.regularisation_strength and no mask (real repo: biases decayed too), and the user
# also adds regularisation_strength * sum of squared params to the loss_fn given to jax.value_and_grad:
# the same tree is decayed twice.
import haiku as hk
import jax
from ml_collections import config_dict

from flowrec.training_and_states import TrainingState, generate_update_fn
from flowrec.data import load_dataset, make_observation_fns
from train_options.loss_fn import loss_fn_physicsnoreplace
from train_options.optimizer import get_optimizer


def get_config():
    cfg = config_dict.ConfigDict()
    cfg.data_config = config_dict.ConfigDict({"normalise": True, "dataset": "kolmogorov2d"})
    cfg.train_config = config_dict.ConfigDict({
        "learning_rate": 3e-3, "lr_scheduler": "exponential_decay", "gradient_clip": None,
        "regularisation_strength": 1e-5, "epochs": 20000,
        "weight_continuity": 1.0, "weight_momentum": 1.0, "weight_sensors": 1.0,
    })
    return cfg


def forward(x):
    mlp = hk.nets.MLP([128, 128, 128, 3], activation=jax.nn.tanh)
    return mlp(x)


def main():
    cfg = get_config()
    (x, y), datainfo = load_dataset(cfg.data_config)
    take_observation, _ = make_observation_fns(datainfo)
    model = hk.transform(forward)
    rng = jax.random.PRNGKey(0)
    params = model.init(rng, x)
    optimiser = get_optimizer(cfg.train_config)
    state = TrainingState(params, optimiser.init(params))
    loss_fn = loss_fn_physicsnoreplace(cfg, take_observation, datainfo)
    update = generate_update_fn(model.apply, optimiser, loss_fn)
    for i in range(cfg.train_config.epochs):
        rng, sub = jax.random.split(rng)
        loss, (ldiv, lmom, ls), state = update(state, sub, x, y)
        if i % 500 == 0:
            print(i, float(loss), float(ldiv), float(lmom), float(ls))


if __name__ == "__main__":
    main()
