# Idiom seen in: AppliedDataSciencePartners/DeepReinforcementLearning model.py (reads config.MOMENTUM; the repo keeps
#   its hyper-parameters as constants in config.py)
# What it reproduces: module-level constants for self-play, MCTS and retraining of the policy/value network.
EPISODES = 30
MCTS_SIMS = 50
MEMORY_SIZE = 30000
TURNS_UNTIL_TAU0 = 10
CPUCT = 1
EPSILON = 0.2
ALPHA = 0.8

BATCH_SIZE = 256
EPOCHS = 1
REG_CONST = 0.0001
LEARNING_RATE = 0.1
MOMENTUM = 0.9
TRAINING_LOOPS = 10

HIDDEN_CNN_LAYERS = [{'filters': 75, 'kernel_size': (4, 4)}] * 6
