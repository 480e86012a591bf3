# Idiom seen in: jerryli27/rl_causal rl_models/critic_network.py
# Idiom seen in: jerryli27/rl_causal rl_models/ppo.py
# What it reproduces: the repository's Sequential critic with l1_l2 kernel and bias regularizers (trained there through
#   compile/fit); realistic mistake: the critic is moved to a GradientTape TD-error loop whose loss leaves out critic.losses.
from tensorflow import keras


def get_critic_network(hidden_dim=100, output_dim=1):
    critic = keras.models.Sequential([
        keras.layers.Flatten(name='flatten'),
        keras.layers.Dense(hidden_dim,
                           kernel_regularizer=keras.regularizers.l1_l2(l1=0.001, l2=0.001),  # expect: WD103
                           bias_regularizer=keras.regularizers.l1_l2(l1=0.001, l2=0.001),  # expect: WD103
                           activation='elu', name='fc1'),
        keras.layers.Dense(output_dim,
                           kernel_regularizer=keras.regularizers.l1_l2(l1=0.001, l2=0.001),  # expect: WD103
                           bias_regularizer=keras.regularizers.l1_l2(l1=0.001, l2=0.001),  # expect: WD103
                           name='fc2'),
    ], name='critic')
    return critic
