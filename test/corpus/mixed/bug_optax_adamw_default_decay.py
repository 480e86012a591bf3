# Idiom seen in: lefameuxbeding/learned_aggregation src/optimizers.py
# What it reproduces: gin-configurable baseline optimizers built as optax.adamw(schedule) with no weight_decay
# and no mask: optax's default decay (1e-4) is applied to every leaf, biases and LayerNorm scales included.
import gin
import jax
import optax
from learned_optimization.optimizers import OptaxOptimizer

from tasks import get_task


@gin.configurable
class AdamWLinearCosine(OptaxOptimizer):
    """Adam with a warmup + cosine learning rate schedule."""

    def __init__(self, init_value=3e-10, peak_value=3e-4, warmup_steps=300,
                 decay_steps=9700, end_value=3e-5, exponent=1.0, clip=False):
        self.schedule_ = optax.warmup_cosine_decay_schedule(
            init_value=init_value,
            peak_value=peak_value,
            warmup_steps=warmup_steps,
            decay_steps=decay_steps,
            end_value=end_value,
            exponent=exponent,
        )
        if clip:
            opt = optax.chain(
                optax.clip_by_global_norm(1.0),
                optax.adamw(self.schedule_),  # expect: WD203
            )
        else:
            opt = optax.adamw(self.schedule_)  # expect: WD203
        super().__init__(opt)


def _adamw_baseline(args):
    opt = AdamWLinearCosine(peak_value=args.learning_rate, clip=args.clip)
    task = get_task(args)

    @jax.jit
    def update(opt_state, key, batch):
        params = opt.get_params(opt_state)
        loss, grad = jax.value_and_grad(task.loss)(params, key, batch)
        return opt.update(opt_state, grad, loss=loss), loss

    return opt, update


def run(args):
    opt, update = _adamw_baseline(args)
    task = get_task(args)
    key = jax.random.PRNGKey(args.seed)
    opt_state = opt.init(task.init(key), num_steps=args.num_inner_steps)
    for step in range(args.num_inner_steps):
        key, subkey = jax.random.split(key)
        batch = next(task.datasets.train)
        opt_state, loss = update(opt_state, subkey, batch)
        if step % 100 == 0:
            print(step, float(loss))
