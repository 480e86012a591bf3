# Idiom seen in: tisabe/jraph_MPEU jraph_MPEU_configs/cosine_qm9.py
# Idiom seen in: tisabe/jraph_MPEU jraph_MPEU/train.py
# What it reproduces: the ml_collections hyperparameter config of the MPEU materials-property GNN; this run
# selects optimizer 'adamw' with weight_decay and also sets an explicit l2_reg for the loss.
import ml_collections


def get_config() -> ml_collections.ConfigDict:
    config = ml_collections.ConfigDict()
    config.seed_weights = 42
    config.data_file = 'databases/QM9/graphs_fc_vec.db'
    config.label_str = 'U0'
    config.label_type = 'scalar'
    config.model_str = 'MPEU'
    config.batch_size = 32
    config.num_train_steps_max = 10_000_000
    config.log_every_steps = 10_000
    config.eval_every_steps = 50_000
    config.checkpoint_every_steps = 100_000

    # Optimizer
    config.optimizer = 'adamw'
    config.schedule = 'exponential_decay'
    config.init_lr = 5e-4
    config.decay_rate = 0.96
    config.transition_steps = 100_000
    config.weight_decay = 1e-5
    config.l2_reg = 1e-5

    # MPNN hyperparameters
    config.message_passing_steps = 3
    config.latent_size = 64
    config.max_atomic_number = 90
    return config
