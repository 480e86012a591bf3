# Idiom seen in: takeru1205/TD3_PyTorch const.py
# Idiom seen in: takeru1205/TD3_PyTorch agent.py
# What it reproduces: module constants star-imported by agent.py; here the critic's L2 strength is
#   used by an explicit penalty on the critic's weight matrices (see agent.py).

# constant parameters
gamma = 0.99  # discount factor
critic_l2 = 1e-2  # L2 on critic weight matrices (DDPG paper's 1e-2 for Q)
action_l2 = 1e-3  # penalty on the actor's pre-tanh outputs (not on weights)
actor_lr = 3e-4  # learning rate for actor network
critic_lr = 3e-4  # learning rate for critic network
tau = 0.005  # soft target update coefficient
