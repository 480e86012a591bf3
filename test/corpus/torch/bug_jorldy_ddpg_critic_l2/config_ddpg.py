# Idiom seen in: kakaoenterprise/JORLDY jorldy/config/ddpg/mujoco.py
# What it reproduces: the agent/optim config dicts; the user follows the DDPG paper ("for Q we included
# L2 weight decay of 1e-2") by adding critic_weight_decay, which the agent hands to an Adam critic.
env = {
    "name": "half_cheetah",
    "render": False,
}
agent = {
    "name": "ddpg",
    "gamma": 0.99,
    "buffer_size": 50000,
    "batch_size": 128,
    "start_train_step": 1000,
    "tau": 1e-3,
    "hidden_size": 512,
}
optim = {
    "actor": "adam",
    "critic": "adam",
    "actor_lr": 5e-4,
    "critic_lr": 1e-3,
    "critic_weight_decay": 1e-2,
}
train = {
    "run_step": 1000000,
    "print_period": 10000,
}
