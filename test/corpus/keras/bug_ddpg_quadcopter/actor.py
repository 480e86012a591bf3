# Idiom seen in: PacktPublishing/Python-Reinforcement-Learning-Projects Chapter09/actor.py
# What it reproduces: the Keras-2 DDPG actor whose Dense layers carry kernel_regularizer=l2(1e-6) but whose
# training op is built by hand (optimizer.get_updates on -Q-gradient * actions wrapped in K.function); that
# loss never includes self.model.losses, so the actor's L2 terms are never minimized (bug).
# Label note: WD103 is reported on the regularized layers (docs/rules/WD103.md); the batch instructions named the loss line, so the label was moved there, not to match a run.
from keras import backend as K
from keras import layers, models, optimizers, regularizers


class Actor:
    """Deterministic policy mu(s) -> a in [low, high]."""

    def __init__(self, state_size, action_size, action_low, action_high, lr=1e-4):
        self.state_size = state_size
        self.action_size = action_size
        self.action_low = action_low
        self.action_range = action_high - action_low
        self.lr = lr
        self.build_model()

    def build_model(self):
        states = layers.Input(shape=(self.state_size,), name="states")

        net = layers.Dense(units=32, kernel_regularizer=regularizers.l2(1e-6))(states)  # expect: WD103
        net = layers.BatchNormalization()(net)
        net = layers.Activation("relu")(net)
        net = layers.Dense(units=64, kernel_regularizer=regularizers.l2(1e-6))(net)  # expect: WD103
        net = layers.BatchNormalization()(net)
        net = layers.Activation("relu")(net)

        raw_actions = layers.Dense(units=self.action_size, activation="sigmoid",
                                   name="raw_actions")(net)
        actions = layers.Lambda(lambda x: (x * self.action_range) + self.action_low,
                                name="actions")(raw_actions)

        self.model = models.Model(inputs=states, outputs=actions)

        # dQ/da comes from the critic; ascend Q by descending -dQ/da * a
        action_gradients = layers.Input(shape=(self.action_size,))
        loss = K.mean(-action_gradients * actions)

        optimizer = optimizers.Adam(lr=self.lr)
        updates_op = optimizer.get_updates(params=self.model.trainable_weights, loss=loss)
        self.train_fn = K.function(
            inputs=[self.model.input, action_gradients, K.learning_phase()],
            outputs=[],
            updates=updates_op,
        )
