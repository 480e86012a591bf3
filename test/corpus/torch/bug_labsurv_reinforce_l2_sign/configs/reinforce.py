# Idiom seen in: Eicmlye/labsurv configs/cart_pole/agents/reinforce.py
# What it reproduces: REINFORCE agent built from an agent_cfg dict; the user adds an L2 penalty on the
# policy net with a sign slip (subtracted from the loss), so it rewards larger weights.
from configs.runtime import DEVICE

agent_cfg = dict(
    episode_based=True,
    agent=dict(
        type="REINFORCE",
        device=DEVICE,
        gamma=0.98,
        policy_net_cfg=dict(type="SimplePolicyNet", state_dim=4, hidden_dim=256, action_dim=2),
        lr=5e-5,
        l2_coef=1e-4,
    ),
)
