# Idiom seen in: ARISE-Initiative/robomimic robomimic/config/bc_config.py
# Idiom seen in: ARISE-Initiative/robomimic robomimic/utils/torch_utils.py
# What it reproduces: the BC algo config: optim_params.policy.regularization.L2 = 0.00 (no weight decay);
#   loss.l2_weight is the weight of the L2 *action* loss, not a parameter penalty.


def bc_config():
    return {
        "algo_name": "bc",
        "algo": {
            "optim_params": {
                "policy": {
                    "learning_rate": {
                        "initial": 1e-4,
                        "decay_factor": 0.1,
                        "epoch_schedule": [],
                    },
                    "regularization": {
                        "L2": 0.00,
                    },
                },
            },
            "loss": {
                "l2_weight": 1.0,
                "l1_weight": 0.0,
                "cos_weight": 0.0,
            },
            "actor_layer_dims": (1024, 1024),
        },
        "train": {
            "num_epochs": 2000,
            "epoch_every_n_steps": 100,
            "batch_size": 100,
            "seq_length": 1,
            "cuda": True,
        },
    }
