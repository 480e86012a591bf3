# Idiom seen in: medipixel/rl_algorithms configs/reacher_v2/ddpg.py
# What it reproduces: a DDPG config module whose optim_cfg carries weight_decay (1e-6) that the
# learner passes to torch.optim.Adam for both actor and critic (coupled L2, biases included).
"""Config for DDPG on a continuous-control task (Reacher-like)."""

agent = dict(
    type="DDPGLearner",
    hyper_params=dict(
        gamma=0.99,
        tau=5e-3,
        buffer_size=int(1e5),
        batch_size=128,
        initial_random_action=int(1e4),
        multiple_update=1,
        gradient_clip_ac=0.5,
        gradient_clip_cr=1.0,
    ),
    network_cfg=dict(
        hidden_sizes_actor=[256, 256],
        hidden_sizes_critic=[256, 256],
    ),
    optim_cfg=dict(
        lr_actor=3e-4,
        lr_critic=1e-3,
        weight_decay=1e-6,
    ),
    noise_cfg=dict(ou_noise_theta=0.15, ou_noise_sigma=0.2),
)

env_info = dict(
    name="Reacher-v2",
    observation_dim=11,
    action_dim=2,
    max_episode_steps=50,
)
