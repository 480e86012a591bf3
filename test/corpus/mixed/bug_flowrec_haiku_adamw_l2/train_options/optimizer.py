# Idiom seen in: MagriLab/FlowReconstructionFromExperiment train_config/train_options/optimizer.py
# Idiom seen in: MagriLab/FlowReconstructionFromExperiment flowrec/training_and_states.py
# Idiom seen in: MagriLab/FlowReconstructionFromExperiment train_config/train_options/loss_fn.py
# What it reproduces: haiku + optax training where get_optimizer(traincfg) builds optax.adamw with
# weight_decay=traincfg.regularisation_strength and no mask (real repo: biases decayed too), and the user
# also adds regularisation_strength * sum of squared params to the loss_fn given to jax.value_and_grad:
# the same tree is decayed twice.
import optax


def get_scheduler(scheduler, lr):
    if scheduler == "constant":
        return optax.constant_schedule(lr)
    if scheduler == "exponential_decay":
        return optax.exponential_decay(lr, 1000, 0.95, 1000)
    raise ValueError(scheduler)


def get_optimizer(traincfg):
    optimisers = []
    scheduler = get_scheduler(traincfg.lr_scheduler, traincfg.learning_rate)
    adam = optax.adamw(
        learning_rate=scheduler,
        weight_decay=traincfg.regularisation_strength,  # expect: WD203
    )
    optimisers.append(adam)
    if traincfg.gradient_clip:
        optimisers.append(optax.clip(traincfg.gradient_clip))
    return optax.chain(*optimisers)
