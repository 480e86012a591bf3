# Idiom seen in: mrdvince/collaboration_competition agent.py
# Idiom seen in: mrdvince/collaboration_competition config.py
# What it reproduces: MADDPG agent whose critic Adam gets weight_decay=WEIGHT_DECAY read from config.py,
# where WEIGHT_DECAY = 0: no decay at all, so no coupled-L2 or bias-decay finding: clean.
BUFFER_SIZE = int(1e6)  # replay buffer size
BATCH_SIZE = 256        # minibatch size
GAMMA = 0.99            # discount factor
TAU = 6e-2              # for soft update of target parameters
LR_ACTOR = 1e-3         # learning rate of the actor
LR_CRITIC = 1e-3        # learning rate of the critic
WEIGHT_DECAY = 0        # L2 weight decay
