# Idiom seen in: andylolu2/idiots idiots/utils/optimizers.py
# What it reproduces: an optimizer factory keyed by name; the "adamw" branch builds optax.adamw(...,
#   weight_decay=weight_decay) with no mask, so the transformer's LayerNorm scales/biases, the embedding
#   biases and every Dense bias are decayed along with the weight matrices (WD203).
import optax


def get_optimizer(name: str, **kwargs):
    if name == "adamw":
        return get_adamw(**kwargs)
    elif name == "sgd":
        return get_sgd(**kwargs)
    else:
        raise ValueError(f"Unknown optimizer: {name}")


def get_adamw(*, lr: float, warmup_steps: int = 0, weight_decay: float = 0, **_):
    return optax.adamw(
        learning_rate=optax.join_schedules(
            [
                optax.linear_schedule(0, lr, warmup_steps),
                optax.constant_schedule(lr),
            ],
            boundaries=[warmup_steps],
        ),
        b1=0.9,
        b2=0.98,
        weight_decay=weight_decay,  # expect: WD203
    )


def get_sgd(*, lr: float, weight_decay: float = 0, **_):
    return optax.chain(
        optax.clip_by_global_norm(100.0),
        optax.add_decayed_weights(weight_decay=weight_decay),
        optax.scale_by_learning_rate(lr),
    )
