# Idiom seen in: VitoBarra/Keras-LRMU Utility/ModelBuilder.py
# What it reproduces: the fluent ModelBuilder (inputLayer().LSTM(...).BuildPrediction()) of that repo,
#   extended with L2 kernel regularizers on the head, but the model is then trained in a hand-written
#   GradientTape loop whose loss is the bare MSE: model.losses never joins the loss. User mistake.
import tensorflow.keras as ks
from tensorflow.keras.initializers import GlorotUniform


class ModelBuilder:

    def __init__(self, problemName, modelVariant, seed=0, l2=1e-4):
        self.Input = None
        self.Feature = None
        self.Model = None
        self.ProblemName = problemName
        self.ModelVariant = modelVariant
        self.Seed = seed
        self.L2 = l2

    def inputLayer(self, sequenceLength):
        self.Input = ks.Input(shape=(sequenceLength, 1), name=f"{self.ModelVariant}_Input")
        return self

    def LSTM(self, units, layerN=1):
        feature = self.Input
        for i in range(layerN):
            feature = ks.layers.LSTM(units, return_sequences=i != layerN - 1)(feature)
        self.Feature = feature
        return self

    def BuildPrediction(self, unit=1, activation="linear"):
        hidden = ks.layers.Dense(64, activation="relu", kernel_initializer=GlorotUniform(self.Seed),
                                 kernel_regularizer=ks.regularizers.l2(self.L2))(self.Feature)  # expect: WD103
        self.Outputs = ks.layers.Dense(unit, activation=activation, kernel_initializer=GlorotUniform(self.Seed),
                                       kernel_regularizer=ks.regularizers.l2(self.L2))(hidden)  # expect: WD103
        self.Model = ks.Model(inputs=self.Input, outputs=self.Outputs,
                              name=f"{self.ProblemName}_{self.ModelVariant}_Model")
        self.Model.summary()
        return self.Model
