# Idiom seen in: AppliedDataSciencePartners/DeepReinforcementLearning model.py (Gen_Model.fit wrapper that the agent
#   calls); agent.py of the repo (Agent.replay) is reconstructed here, not copied
# What it reproduces: the self-play agent: MCTS (module not part of this folder) picks moves, and replay() samples
#   positions from long-term memory and retrains the network through its fit() wrapper for TRAINING_LOOPS rounds.
import random

import numpy as np

import config
from MCTS import MCTS
from model import Residual_CNN


class Agent():
    def __init__(self, name, state_size, action_size, mcts_simulations, cpuct, model):
        self.name = name
        self.state_size, self.action_size = state_size, action_size
        self.cpuct, self.MCTSsimulations = cpuct, mcts_simulations
        self.model = model
        self.mcts = None
        self.train_overall_loss, self.train_value_loss, self.train_policy_loss = [], [], []

    def replay(self, ltmemory):
        for i in range(config.TRAINING_LOOPS):
            minibatch = random.sample(ltmemory, min(config.BATCH_SIZE, len(ltmemory)))
            training_states = np.array([self.model.convertToModelInput(row['state']) for row in minibatch])
            training_targets = {'value_head': np.array([row['value'] for row in minibatch]),
                                'policy_head': np.array([row['AV'] for row in minibatch])}
            fit = self.model.fit(training_states, training_targets, epochs=config.EPOCHS, verbose=1,
                                 validation_split=0, batch_size=32)
            self.train_overall_loss.append(round(fit.history['loss'][config.EPOCHS - 1], 4))
            self.train_value_loss.append(round(fit.history['value_head_loss'][config.EPOCHS - 1], 4))
            self.train_policy_loss.append(round(fit.history['policy_head_loss'][config.EPOCHS - 1], 4))


def build_agents(env):
    current_NN = Residual_CNN(config.REG_CONST, config.LEARNING_RATE, (2,) + env.grid_shape,
                              env.action_size, config.HIDDEN_CNN_LAYERS)
    best_NN = Residual_CNN(config.REG_CONST, config.LEARNING_RATE, (2,) + env.grid_shape,
                           env.action_size, config.HIDDEN_CNN_LAYERS)
    best_NN.model.set_weights(current_NN.model.get_weights())
    return (Agent('current_player', env.state_size, env.action_size, config.MCTS_SIMS, config.CPUCT, current_NN),
            Agent('best_player', env.state_size, env.action_size, config.MCTS_SIMS, config.CPUCT, best_NN))
