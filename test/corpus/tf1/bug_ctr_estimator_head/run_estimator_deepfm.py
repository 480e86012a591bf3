# Idiom seen in: shenweichen/DeepCTR examples/run_estimator_pandas_classification.py
# What it reproduces: the example script that builds feature columns for Criteo, creates the
#   DeepFMEstimator and calls train/evaluate with pandas input functions from a package.
import pandas as pd
import tensorflow as tf
from sklearn.preprocessing import LabelEncoder, MinMaxScaler
from deepfm import DeepFMEstimator
from inputs import input_fn_pandas

if __name__ == "__main__":
    data = pd.read_csv('./criteo_sample.txt')
    sparse_features = ['C' + str(i) for i in range(1, 27)]
    dense_features = ['I' + str(i) for i in range(1, 14)]
    data[sparse_features] = data[sparse_features].fillna('-1', )
    data[dense_features] = data[dense_features].fillna(0, )
    for feat in sparse_features:
        data[feat] = LabelEncoder().fit_transform(data[feat])
    data[dense_features] = MinMaxScaler(feature_range=(0, 1)).fit_transform(data[dense_features])

    sparse_columns = [tf.feature_column.categorical_column_with_identity(feat, data[feat].max() + 1)
                      for feat in sparse_features]
    train = data.sample(frac=0.8, random_state=2020)
    test = data.drop(train.index)
    train_input = input_fn_pandas(train, sparse_features + dense_features, 'label', shuffle=True)
    test_input = input_fn_pandas(test, sparse_features + dense_features, None, shuffle=False)

    model = DeepFMEstimator(sparse_columns, dense_features, task='binary',
                            config=tf.estimator.RunConfig(tf_random_seed=2021))
    model.train(train_input)
    eval_result = model.evaluate(test_input)
    print(eval_result)
