# Idiom seen in: chanb/jaxl jaxl/losses/regularization.py, jaxl/optimizers/__init__.py (the learner
#   combining the weighted losses is written here)
# What it reproduces: the learner sums cross-entropy and l2_coefficient * weight_decay(params),
#   then steps the adamw optimizer built from the same config: decay applied twice.
import jax
import optax

from config import learner_config, optimizer_config
from losses import make_cross_entropy, make_weight_decay
from models import get_model
from optim import get_optimizer
from data import get_dataloader


def make_total_loss(model, cfg):
    ce_fn = make_cross_entropy(model)
    wd_fn = make_weight_decay(model)

    def total_loss(params, x, y):
        ce, aux = ce_fn(params, x, y)
        reg, _ = wd_fn(params)
        return ce + cfg.l2_coefficient * reg, aux

    return total_loss


def main():
    key = jax.random.PRNGKey(learner_config.seed)
    model = get_model("mlp", hidden=(256, 256), out_dim=10)
    params = model.init(key)
    opt, opt_state = get_optimizer(optimizer_config, params)
    loss_fn = make_total_loss(model, learner_config)

    @jax.jit
    def update(params, opt_state, x, y):
        (loss, aux), grads = jax.value_and_grad(loss_fn, has_aux=True)(params, x, y)
        updates, opt_state = opt.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        return params, opt_state, loss

    loader = get_dataloader(batch_size=learner_config.batch_size)
    for step in range(learner_config.num_updates):
        x, y = next(loader)
        params, opt_state, loss = update(params, opt_state, x, y)
        if step % 1000 == 0:
            print(step, float(loss))


if __name__ == "__main__":
    main()
