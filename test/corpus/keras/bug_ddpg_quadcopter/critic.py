# Idiom seen in: PacktPublishing/Python-Reinforcement-Learning-Projects Chapter09 (the DDPG critic paired with actor.py)
# What it reproduces: the critic Q(s, a) with l2 kernel_regularizers, compiled with loss='mse' and trained with
# train_on_batch, so Keras adds its regularization losses itself (correct); it also exposes dQ/da for the actor.
from keras import backend as K
from keras import layers, models, optimizers, regularizers


class Critic:
    def __init__(self, state_size, action_size, lr=1e-3, l2_coef=1e-2):
        self.state_size = state_size
        self.action_size = action_size
        self.lr = lr
        self.l2_coef = l2_coef
        self.build_model()

    def build_model(self):
        states = layers.Input(shape=(self.state_size,), name="states")
        actions = layers.Input(shape=(self.action_size,), name="actions")

        net_states = layers.Dense(units=64, kernel_regularizer=regularizers.l2(self.l2_coef))(states)
        net_states = layers.BatchNormalization()(net_states)
        net_states = layers.Activation("relu")(net_states)
        net_states = layers.Dense(units=128, kernel_regularizer=regularizers.l2(self.l2_coef))(net_states)

        net_actions = layers.Dense(units=128, kernel_regularizer=regularizers.l2(self.l2_coef))(actions)

        net = layers.Add()([net_states, net_actions])
        net = layers.Activation("relu")(net)
        q_values = layers.Dense(units=1, name="q_values",
                                kernel_initializer=layers.initializers.RandomUniform(-3e-3, 3e-3))(net)

        self.model = models.Model(inputs=[states, actions], outputs=q_values)
        self.model.compile(optimizer=optimizers.Adam(lr=self.lr), loss="mse")

        action_gradients = K.gradients(q_values, actions)
        self.get_action_gradients = K.function(
            inputs=[*self.model.input, K.learning_phase()],
            outputs=action_gradients,
        )
