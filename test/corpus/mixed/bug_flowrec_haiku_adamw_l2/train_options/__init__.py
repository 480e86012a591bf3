# Idiom seen in: MagriLab/FlowReconstructionFromExperiment train_config/train_options/optimizer.py
# Idiom seen in: MagriLab/FlowReconstructionFromExperiment flowrec/training_and_states.py
# Idiom seen in: MagriLab/FlowReconstructionFromExperiment train_config/train_options/loss_fn.py
# What it reproduces: haiku + optax training where get_optimizer(traincfg) builds optax.adamw with
# weight_decay=traincfg.regularisation_strength and no mask (real repo: biases decayed too), and the user
# also adds regularisation_strength * sum of squared params to the loss_fn given to jax.value_and_grad:
# the same tree is decayed twice.
