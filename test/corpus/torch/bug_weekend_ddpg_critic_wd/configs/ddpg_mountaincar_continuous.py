# Idiom seen in: chuong98/Weekend-DeepRL drl/models/agents/ddpg.py
# Idiom seen in: chuong98/Weekend-DeepRL configs/DDPG/ddpg_mountaincar_continuous.py
# What it reproduces: mmcv-style optimizer dicts built by build_optimizer(model, cfg); the user adds the DDPG
# paper critic L2 (1e-2) to an Adam dict: coupled L2 under Adam, on all critic params incl. biases.
env = dict(type='MountainCarContinuous-v0', monitor_freq=20, render=False, num_episodes_solved=100)

agent = dict(
    type='DDPG',
    actor=dict(type='MLPNet', hidden_layers=[400, 300], act_cfg=dict(type='ReLU')),
    critic=dict(type='MLPNet', hidden_layers=[400, 300], act_cfg=dict(type='ReLU')),
    buffer=dict(type='BaseBuffer', capacity=100000, batch_size=64),
    actor_optimizer=dict(type='Adam', lr=1e-4),
    critic_optimizer=dict(type='Adam', lr=1e-3,
                          weight_decay=1e-2),  # expect: WD202
    gamma=0.99,
    polyak=0.999,
    start_steps=1000,
)

num_episodes = 300
