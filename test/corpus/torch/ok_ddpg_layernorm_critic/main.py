# Idiom seen in: jasoncht1023/ddpg-portfolio-management main.py
# What it reproduces: module-level configuration and the episode loop of the trading agent.
from agent import Agent
from trading_simulator import TradingSimulator

assets = ["CSCO", "BMY", "BAC", "TGT", "VZ", "GE", "CL", "CVX", "DUK", "PLD", "LIN", "INTC", "MRK", "WFC"]
rebalance_window = 1
tx_fee_per_share = 0.005
principal = 1000000
num_episode = 500

env = TradingSimulator(principal=principal, assets=assets, start_date='2010-01-01', end_date='2019-12-31',
                       rebalance_window=rebalance_window, tx_fee_per_share=tx_fee_per_share)
n_actions = len(assets) + 1
agent = Agent(alpha=0.0005, beta=0.0025, input_dims=[(n_actions - 1) * 7 + n_actions], tau=0.001,
              gamma=0.99, n_actions=n_actions, batch_size=128)

for episode in range(num_episode):
    observation = env.restart()
    done, score = False, 0.0
    while not done:
        action = agent.choose_action(observation, is_training=True, expl_prob=0.1)
        observation_, reward, done = env.step(action)
        agent.memory.store_transition(observation, action, reward, observation_, done)
        agent.learn()
        score += reward
        observation = observation_
    print(f"episode {episode}: score {score:.2f}")
